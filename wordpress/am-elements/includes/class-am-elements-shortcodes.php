<?php
/**
 * Shortcodes: [am_auth_provider], [am_authorize_button], [am_unauthorize_button] and
 * [am_library_list].
 *
 * Every element needs an <am-auth-provider> ancestor. Inside [am_auth_provider]…
 * [/am_auth_provider] the elements share that one provider; anywhere else each shortcode
 * wraps its element in a provider of its own, configured from the settings. Providers on
 * one page read the same stored sign-in and follow each other when the visitor signs in or
 * out (the providers do this themselves; no extra script).
 *
 * @package AM_Elements
 */

defined( 'ABSPATH' ) || exit;

/**
 * Registers and renders the shortcodes.
 */
class AM_Elements_Shortcodes {

	/** Values `<am-library-list type>` accepts. */
	const LIBRARY_TYPES = array( 'albums', 'songs', 'playlists', 'artists', 'music-videos', 'recently-added' );

	/** Largest page size Apple's library endpoints accept. */
	const MAX_PAGE_SIZE = 100;

	/**
	 * How many [am_auth_provider] shortcodes are being rendered around the current one.
	 *
	 * @var int
	 */
	private static $provider_depth = 0;

	/**
	 * Registers the shortcodes.
	 */
	public static function init() {
		add_action( 'init', array( __CLASS__, 'register' ) );
	}

	/**
	 * Adds the shortcodes.
	 */
	public static function register() {
		add_shortcode( 'am_auth_provider', array( __CLASS__, 'auth_provider' ) );
		add_shortcode( 'am_authorize_button', array( __CLASS__, 'authorize_button' ) );
		add_shortcode( 'am_unauthorize_button', array( __CLASS__, 'unauthorize_button' ) );
		add_shortcode( 'am_library_list', array( __CLASS__, 'library_list' ) );
	}

	/**
	 * [am_auth_provider]…[/am_auth_provider]: one provider around the enclosed content.
	 *
	 * @param array|string $atts    Shortcode attributes (none are used).
	 * @param string|null  $content The enclosed content.
	 * @return string
	 */
	public static function auth_provider( $atts, $content = null ) {
		return self::provider(
			static function () use ( $content ) {
				return do_shortcode( (string) $content );
			}
		);
	}

	/**
	 * One provider around what `$render_inside` returns: the elements it renders (shortcodes,
	 * the block) share that provider instead of getting one each.
	 *
	 * @param callable $render_inside Returns the escaped markup inside the provider.
	 * @return string
	 */
	public static function provider( $render_inside ) {
		AM_Elements_Assets::enqueue();
		++self::$provider_depth;
		try {
			$inner = (string) call_user_func( $render_inside );
		} finally {
			--self::$provider_depth;
		}
		return self::provider_open() . $inner . '</am-auth-provider>';
	}

	/**
	 * [am_authorize_button label="…" persistent="yes"] or [am_authorize_button]label[/am_authorize_button].
	 * The button hides itself while the visitor is signed in, unless persistent.
	 *
	 * @param array|string $atts    Shortcode attributes.
	 * @param string|null  $content The enclosed label, if any.
	 * @return string
	 */
	public static function authorize_button( $atts, $content = null ) {
		$atts  = shortcode_atts( array( 'label' => '', 'persistent' => '' ), $atts, 'am_authorize_button' );
		$label = self::label( $atts['label'], $content, __( 'Connect Apple Music', 'am-elements' ) );
		return self::element( '<am-authorize-button' . self::persistent( $atts['persistent'] ) . '>' . esc_html( $label ) . '</am-authorize-button>' );
	}

	/**
	 * [am_unauthorize_button label="…" persistent="yes"] or enclosing. The button hides itself
	 * while the visitor is signed out, unless persistent.
	 *
	 * @param array|string $atts    Shortcode attributes.
	 * @param string|null  $content The enclosed label, if any.
	 * @return string
	 */
	public static function unauthorize_button( $atts, $content = null ) {
		$atts  = shortcode_atts( array( 'label' => '', 'persistent' => '' ), $atts, 'am_unauthorize_button' );
		$label = self::label( $atts['label'], $content, __( 'Disconnect Apple Music', 'am-elements' ) );
		return self::element( '<am-unauthorize-button' . self::persistent( $atts['persistent'] ) . '>' . esc_html( $label ) . '</am-unauthorize-button>' );
	}

	/**
	 * The `persistent` attribute, when the shortcode's persistent is yes, true, 1 or persistent.
	 *
	 * @param mixed $value The shortcode attribute (or a block's boolean).
	 * @return string
	 */
	private static function persistent( $value ) {
		$on = true === $value || in_array( strtolower( trim( (string) $value ) ), array( '1', 'yes', 'true', 'persistent' ), true );
		return $on ? ' persistent' : '';
	}

	/**
	 * [am_library_list type="albums" limit="50" page_size="100"], and any of the list's texts:
	 * loading_text, empty_text, signed_out_text, retry_text, load_more_text, tracks_text,
	 * error_text, rate_limited_text, server_error_text, rejected_text, offline_text,
	 * cross_origin_text. Unset, each text is the plugin's translation of the element's default.
	 *
	 * @param array|string $atts Shortcode attributes.
	 * @return string
	 */
	public static function library_list( $atts ) {
		$atts = is_array( $atts ) ? $atts : array();
		// Accept the element's own spelling, page-size, as well.
		if ( isset( $atts['page-size'] ) && ! isset( $atts['page_size'] ) ) {
			$atts['page_size'] = $atts['page-size'];
		}
		$texts    = self::library_list_texts();
		$defaults = array(
			'type'      => 'albums',
			'limit'     => '',
			'page_size' => '',
		);
		foreach ( array_keys( $texts ) as $attribute ) {
			$defaults[ str_replace( '-', '_', $attribute ) ] = '';
		}
		$atts = shortcode_atts( $defaults, $atts, 'am_library_list' );

		$type = strtolower( trim( (string) $atts['type'] ) );
		if ( ! in_array( $type, self::LIBRARY_TYPES, true ) ) {
			return self::editor_notice(
				sprintf(
					/* translators: 1: the invalid value, 2: the list of valid values. */
					__( '[am_library_list]: unknown type "%1$s". Use one of: %2$s.', 'am-elements' ),
					$type,
					implode( ', ', self::LIBRARY_TYPES )
				)
			);
		}

		$html = '<am-library-list type="' . esc_attr( $type ) . '"';
		if ( '' !== trim( (string) $atts['limit'] ) ) {
			$limit = (int) $atts['limit'];
			if ( $limit > 0 ) {
				$html .= ' limit="' . esc_attr( (string) $limit ) . '"';
			}
		}
		if ( '' !== trim( (string) $atts['page_size'] ) ) {
			$page_size = max( 1, min( self::MAX_PAGE_SIZE, (int) $atts['page_size'] ) );
			$html     .= ' page-size="' . esc_attr( (string) $page_size ) . '"';
		}
		foreach ( $texts as $attribute => list( $english, $translated ) ) {
			$given = trim( wp_strip_all_tags( (string) $atts[ str_replace( '-', '_', $attribute ) ] ) );
			$value = '' !== $given ? $given : $translated;
			// The element already says it in English: only a translation or a choice is written out.
			if ( $value !== $english ) {
				$html .= ' ' . $attribute . '="' . esc_attr( $value ) . '"';
			}
		}
		$html .= '></am-library-list>';
		return self::element( $html );
	}

	/**
	 * The list's texts: attribute => [the element's English default, this site's translation].
	 *
	 * @return array<string, array{0: string, 1: string}>
	 */
	private static function library_list_texts() {
		return array(
			'loading-text'      => array( 'Loading…', __( 'Loading…', 'am-elements' ) ),
			'empty-text'        => array( 'Nothing here yet.', __( 'Nothing here yet.', 'am-elements' ) ),
			'signed-out-text'   => array( 'Connect Apple Music to see your library.', __( 'Connect Apple Music to see your library.', 'am-elements' ) ),
			'retry-text'        => array( 'Try again', __( 'Try again', 'am-elements' ) ),
			'load-more-text'    => array( 'Load more', __( 'Load more', 'am-elements' ) ),
			/* translators: a playlist's track count, singular|plural; {n} is the number. Without |, one form for all. */
			'tracks-text'       => array( '{n} track|{n} tracks', __( '{n} track|{n} tracks', 'am-elements' ) ),
			/* translators: followed by ": <technical detail>" or "." */
			'error-text'        => array( 'Could not load the library', __( 'Could not load the library', 'am-elements' ) ),
			'rate-limited-text' => array( 'Too many requests to Apple Music. Try again in a moment.', __( 'Too many requests to Apple Music. Try again in a moment.', 'am-elements' ) ),
			/* translators: {status} is the HTTP status, e.g. 503. */
			'server-error-text' => array( 'Apple Music is not responding (HTTP {status}). Try again.', __( 'Apple Music is not responding (HTTP {status}). Try again.', 'am-elements' ) ),
			'rejected-text'     => array( 'Apple Music rejected the sign-in. Connect again.', __( 'Apple Music rejected the sign-in. Connect again.', 'am-elements' ) ),
			'offline-text'      => array( 'Apple Music could not be reached. Check your connection.', __( 'Apple Music could not be reached. Check your connection.', 'am-elements' ) ),
			'cross-origin-text' => array( 'Apple Music sent a link to another site; it was not followed.', __( 'Apple Music sent a link to another site; it was not followed.', 'am-elements' ) ),
			'no-library-text'   => array( 'Your Apple Music library is not available. To see it here, turn on Sync Library: on iPhone or iPad in Settings › Apps › Music (Settings › Music before iOS 18), on a Mac in Music › Settings › General. Your music can take a few minutes to appear.', __( 'Your Apple Music library is not available. To see it here, turn on Sync Library: on iPhone or iPad in Settings › Apps › Music (Settings › Music before iOS 18), on a Mac in Music › Settings › General. Your music can take a few minutes to appear.', 'am-elements' ) ),
			/* translators: {query} is what the visitor searched for. */
			'no-matches-text'   => array( 'No matches for “{query}”.', __( 'No matches for “{query}”.', 'am-elements' ) ),
			/* translators: the button that goes back from an album or playlist to the list. */
			'back-text'         => array( 'Back', __( 'Back', 'am-elements' ) ),
			/* translators: marks a song the listener uploaded themselves (not from the Apple Music catalog). */
			'upload-text'       => array( 'Uploaded', __( 'Uploaded', 'am-elements' ) ),
		);
	}

	/**
	 * The element, inside a provider of its own unless an [am_auth_provider] encloses it.
	 *
	 * @param string $element_html Escaped element markup.
	 * @return string
	 */
	private static function element( $element_html ) {
		AM_Elements_Assets::enqueue();
		if ( self::$provider_depth > 0 ) {
			return $element_html;
		}
		return self::provider_open() . $element_html . '</am-auth-provider>';
	}

	/**
	 * The attributes of every provider the plugin renders, from the settings.
	 *
	 * @return array<string, string> Attribute name => raw value ('' means omitted).
	 */
	public static function provider_attributes() {
		$settings = AM_Elements_Settings::get();
		$signing  = null !== AM_Elements_Token_Server::key_info();
		$attrs    = array(
			// A stored key wins (the site signs and renews tokens), then a saved token, then the URL.
			'developer-token'     => $signing ? '' : $settings['developer_token'],
			'developer-token-url' => $signing ? AM_Elements_Token_Server::url() : ( '' === $settings['developer_token'] ? $settings['developer_token_url'] : '' ),
			'storage'             => $settings['storage'],
			'storefront'          => $settings['storefront'],
			'affiliate-token'     => $settings['affiliate_token'],
			'campaign-token'      => $settings['campaign_token'],
			'authorize-url'       => $settings['authorize_url'],
			'api-url'             => $settings['api_url'],
			'logout-url'          => $settings['logout_url'],
		);
		/**
		 * Filters the attributes of the <am-auth-provider> elements the plugin renders, e.g.
		 * to supply a developer token generated on the fly. Empty values are omitted. Any of
		 * the element's attributes may be added (`app-icon`, `popup-timeout`, `app-name`, …);
		 * URLs (`*-url`, `app-icon`) are escaped as URLs, other values as text.
		 *
		 * @param array<string, string> $attrs Attribute name => value.
		 */
		return (array) apply_filters( 'am_elements_provider_attributes', $attrs );
	}

	/**
	 * The opening provider tag, escaped.
	 *
	 * @return string
	 */
	private static function provider_open() {
		$html = '<am-auth-provider';
		foreach ( self::provider_attributes() as $name => $value ) {
			$name  = strtolower( (string) $name );
			$value = (string) $value;
			if ( '' === $value || ! preg_match( '/^[a-z][a-z0-9-]*$/', $name ) ) {
				continue;
			}
			// URLs (developer-token-url, authorize-url, api-url, logout-url, musickit-url, app-icon)
			// keep only safe schemes; one refused is left out, never written empty (an empty
			// logout-url would turn the logout call off).
			$is_url  = '-url' === substr( $name, -4 ) || 'app-icon' === $name;
			$escaped = $is_url ? esc_url( $value ) : esc_attr( $value );
			if ( '' !== $escaped ) {
				$html .= ' ' . $name . '="' . $escaped . '"';
			}
		}
		return $html . '>';
	}

	/**
	 * A button label: the label attribute, else the enclosed text, else the default.
	 *
	 * @param string      $attribute The label attribute.
	 * @param string|null $content   The enclosed content.
	 * @param string      $fallback  The translated default.
	 * @return string Plain text.
	 */
	private static function label( $attribute, $content, $fallback ) {
		foreach ( array( $attribute, $content ) as $candidate ) {
			$text = trim( wp_strip_all_tags( (string) $candidate ) );
			if ( '' !== $text ) {
				return $text;
			}
		}
		return $fallback;
	}

	/**
	 * A configuration problem: shown to people who can edit the page, hidden from visitors.
	 *
	 * @param string $message Plain text.
	 * @return string
	 */
	private static function editor_notice( $message ) {
		if ( ! current_user_can( 'edit_posts' ) ) {
			return '';
		}
		return '<p class="am-elements-notice" role="note"><strong>' . esc_html( $message ) . '</strong></p>';
	}
}
