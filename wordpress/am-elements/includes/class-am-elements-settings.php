<?php
/**
 * Settings → Apple Music: the developer token (or a URL answering it), storage, Apple's
 * affiliate and campaign tokens, and the optional endpoint overrides used to point the
 * elements at the am-elements emulator.
 *
 * @package AM_Elements
 */

defined( 'ABSPATH' ) || exit;

/**
 * Stores the settings in one option and renders the settings page with the Settings API
 * (which supplies the nonce and capability checks of options.php).
 */
class AM_Elements_Settings {

	const OPTION = 'am_elements_settings';
	const GROUP  = 'am_elements';
	const PAGE   = 'am-elements';

	/** Storage kinds `<am-auth-provider storage>` accepts. */
	const STORAGE_KINDS = array( 'local', 'session', 'memory' );

	/** What an affiliate or campaign token may hold: URL-safe characters, as Apple issues them. */
	const LINK_TOKEN_PATTERN = '/^[A-Za-z0-9._~-]{1,64}$/';

	/** Days before expiry from which the settings page warns. */
	const EXPIRY_WARNING_DAYS = 14;

	/**
	 * Hooks the settings into WordPress.
	 */
	public static function init() {
		add_action( 'admin_init', array( __CLASS__, 'register' ) );
		add_action( 'admin_menu', array( __CLASS__, 'add_page' ) );
		add_filter( 'plugin_action_links_' . plugin_basename( AM_ELEMENTS_FILE ), array( __CLASS__, 'action_links' ) );
	}

	/**
	 * The defaults of every setting.
	 *
	 * @return array<string, string>
	 */
	public static function defaults() {
		return array(
			'developer_token'     => '',
			'developer_token_url' => '',
			'storage'             => 'local',
			'storefront'          => '',
			'affiliate_token'     => '',
			'campaign_token'      => '',
			'authorize_url'       => '',
			'api_url'             => '',
			'logout_url'          => '',
		);
	}

	/**
	 * The saved settings merged over the defaults.
	 *
	 * @return array<string, string>
	 */
	public static function get() {
		$saved = get_option( self::OPTION, array() );
		if ( ! is_array( $saved ) ) {
			$saved = array();
		}
		$settings = array();
		foreach ( self::defaults() as $key => $default ) {
			$settings[ $key ] = isset( $saved[ $key ] ) && is_string( $saved[ $key ] ) ? $saved[ $key ] : $default;
		}
		return $settings;
	}

	/**
	 * Registers the option, its sanitizer, the section and the fields.
	 */
	public static function register() {
		register_setting(
			self::GROUP,
			self::OPTION,
			array(
				'type'              => 'array',
				'sanitize_callback' => array( __CLASS__, 'sanitize' ),
				'default'           => self::defaults(),
				'show_in_rest'      => false,
			)
		);

		AM_Elements_Signing_Settings::register_fields( self::PAGE );

		add_settings_section(
			'am_elements_token',
			__( 'Developer token', 'am-elements' ),
			array( __CLASS__, 'render_token_section' ),
			self::PAGE
		);
		add_settings_field( 'am_elements_developer_token', __( 'Developer token', 'am-elements' ), array( __CLASS__, 'render_developer_token_field' ), self::PAGE, 'am_elements_token', array( 'label_for' => 'am_elements_developer_token' ) );
		add_settings_field( 'am_elements_developer_token_url', __( 'Developer token URL', 'am-elements' ), array( __CLASS__, 'render_url_field' ), self::PAGE, 'am_elements_token', array( 'label_for' => 'am_elements_developer_token_url', 'key' => 'developer_token_url', 'placeholder' => 'https://example.com/apple-music-token', 'description' => __( 'Used only when no token is saved above: a URL on your site that answers a fresh token, as text or as JSON {"token": "…"}. It is fetched by the visitor’s browser.', 'am-elements' ) ) );

		add_settings_section(
			'am_elements_behaviour',
			__( 'Sign-in', 'am-elements' ),
			'__return_false',
			self::PAGE
		);
		add_settings_field( 'am_elements_storage', __( 'Remember the sign-in', 'am-elements' ), array( __CLASS__, 'render_storage_field' ), self::PAGE, 'am_elements_behaviour', array( 'label_for' => 'am_elements_storage' ) );
		add_settings_field( 'am_elements_storefront', __( 'Storefront', 'am-elements' ), array( __CLASS__, 'render_storefront_field' ), self::PAGE, 'am_elements_behaviour', array( 'label_for' => 'am_elements_storefront' ) );

		add_settings_section(
			'am_elements_links',
			__( 'Apple affiliate program (optional)', 'am-elements' ),
			array( __CLASS__, 'render_links_section' ),
			self::PAGE
		);
		add_settings_field( 'am_elements_affiliate_token', __( 'Affiliate token', 'am-elements' ), array( __CLASS__, 'render_link_token_field' ), self::PAGE, 'am_elements_links', array( 'label_for' => 'am_elements_affiliate_token', 'key' => 'affiliate_token' ) );
		add_settings_field( 'am_elements_campaign_token', __( 'Campaign token', 'am-elements' ), array( __CLASS__, 'render_link_token_field' ), self::PAGE, 'am_elements_links', array( 'label_for' => 'am_elements_campaign_token', 'key' => 'campaign_token' ) );

		add_settings_section(
			'am_elements_endpoints',
			__( 'Endpoints (advanced)', 'am-elements' ),
			array( __CLASS__, 'render_endpoints_section' ),
			self::PAGE
		);
		add_settings_field( 'am_elements_authorize_url', __( 'Authorize URL', 'am-elements' ), array( __CLASS__, 'render_url_field' ), self::PAGE, 'am_elements_endpoints', array( 'label_for' => 'am_elements_authorize_url', 'key' => 'authorize_url', 'placeholder' => 'https://authorize.music.apple.com/woa' ) );
		add_settings_field( 'am_elements_api_url', __( 'API URL', 'am-elements' ), array( __CLASS__, 'render_url_field' ), self::PAGE, 'am_elements_endpoints', array( 'label_for' => 'am_elements_api_url', 'key' => 'api_url', 'placeholder' => 'https://api.music.apple.com' ) );
		add_settings_field( 'am_elements_logout_url', __( 'Logout URL', 'am-elements' ), array( __CLASS__, 'render_url_field' ), self::PAGE, 'am_elements_endpoints', array( 'label_for' => 'am_elements_logout_url', 'key' => 'logout_url', 'placeholder' => 'https://buy.itunes.apple.com/account/web/logout', 'description' => __( 'Called when a visitor signs out, as MusicKit JS does, so Apple forgets the sign-in too.', 'am-elements' ) ) );
	}

	/**
	 * Adds Settings → Apple Music.
	 */
	public static function add_page() {
		add_options_page(
			__( 'Apple Music', 'am-elements' ),
			__( 'Apple Music', 'am-elements' ),
			'manage_options',
			self::PAGE,
			array( __CLASS__, 'render_page' )
		);
	}

	/**
	 * Adds a "Settings" link to the plugin's row on the Plugins screen.
	 *
	 * @param string[] $links The row's links.
	 * @return string[]
	 */
	public static function action_links( $links ) {
		$url = admin_url( 'options-general.php?page=' . self::PAGE );
		array_unshift( $links, '<a href="' . esc_url( $url ) . '">' . esc_html__( 'Settings', 'am-elements' ) . '</a>' );
		return $links;
	}

	/**
	 * Sanitizes the submitted settings. Invalid values are refused with a settings error
	 * and the saved value is kept. The token is never repeated in a message.
	 *
	 * @param mixed $input The submitted value.
	 * @return array<string, string>
	 */
	public static function sanitize( $input ) {
		$saved = self::get();
		// options.php has already unslashed the submission.
		$input = is_array( $input ) ? $input : array();
		$out   = $saved;
		// The key goes to its own option; none of its fields is kept in this one.
		AM_Elements_Signing_Settings::save( $input );

		// The token field is write-only: empty keeps the saved token, the checkbox removes it.
		$token = isset( $input['developer_token'] ) && is_string( $input['developer_token'] ) ? preg_replace( '/\s+/', '', $input['developer_token'] ) : '';
		if ( ! empty( $input['developer_token_clear'] ) ) {
			$out['developer_token'] = '';
		} elseif ( '' !== $token ) {
			$info = self::token_info( $token );
			if ( is_wp_error( $info ) ) {
				add_settings_error( self::OPTION, 'am_elements_token_' . $info->get_error_code(), $info->get_error_message() );
			} else {
				$out['developer_token'] = $token;
			}
		}

		$url_fields = array(
			'developer_token_url' => array( __( 'Developer token URL', 'am-elements' ), true ),
			'authorize_url'       => array( __( 'Authorize URL', 'am-elements' ), false ),
			'api_url'             => array( __( 'API URL', 'am-elements' ), false ),
			'logout_url'          => array( __( 'Logout URL', 'am-elements' ), false ),
		);
		foreach ( $url_fields as $key => $field ) {
			if ( ! isset( $input[ $key ] ) || ! is_string( $input[ $key ] ) ) {
				continue;
			}
			$url = self::sanitize_url( $input[ $key ], $field[1] );
			if ( null === $url ) {
				/* translators: %s: the name of a setting, e.g. "API URL". */
				add_settings_error( self::OPTION, 'am_elements_' . $key, sprintf( __( '%s must be an http or https URL. The previous value was kept.', 'am-elements' ), $field[0] ) );
			} else {
				$out[ $key ] = $url;
			}
		}

		$link_tokens = array(
			'affiliate_token' => __( 'The affiliate token', 'am-elements' ),
			'campaign_token'  => __( 'The campaign token', 'am-elements' ),
		);
		foreach ( $link_tokens as $key => $name ) {
			if ( ! isset( $input[ $key ] ) || ! is_string( $input[ $key ] ) ) {
				continue;
			}
			$value = trim( $input[ $key ] );
			if ( '' === $value || preg_match( self::LINK_TOKEN_PATTERN, $value ) ) {
				$out[ $key ] = $value;
			} else {
				/* translators: %s: "The affiliate token" or "The campaign token". */
				add_settings_error( self::OPTION, 'am_elements_' . $key, sprintf( __( '%s may hold up to 64 letters, digits, dots, hyphens, underscores and tildes. The previous value was kept.', 'am-elements' ), $name ) );
			}
		}

		if ( isset( $input['storage'] ) ) {
			$storage        = sanitize_key( $input['storage'] );
			$out['storage'] = in_array( $storage, self::STORAGE_KINDS, true ) ? $storage : 'local';
		}

		if ( isset( $input['storefront'] ) && is_string( $input['storefront'] ) ) {
			$storefront = strtolower( trim( $input['storefront'] ) );
			if ( '' === $storefront || preg_match( '/^[a-z]{2}$/', $storefront ) ) {
				$out['storefront'] = $storefront;
			} else {
				add_settings_error( self::OPTION, 'am_elements_storefront', __( 'The storefront must be a two-letter country code such as "us" or "gb". The previous value was kept.', 'am-elements' ) );
			}
		}

		return $out;
	}

	/**
	 * An http(s) URL (or, when allowed, a root-relative path) made safe to store; '' for
	 * empty input; null when the input is not acceptable.
	 *
	 * @param string $value         The submitted value.
	 * @param bool   $allow_relative Whether a path on this site ("/token") is accepted.
	 * @return string|null
	 */
	public static function sanitize_url( $value, $allow_relative ) {
		$value = trim( $value );
		if ( '' === $value ) {
			return '';
		}
		if ( $allow_relative && '/' === $value[0] && ( ! isset( $value[1] ) || '/' !== $value[1] ) ) {
			$clean = esc_url_raw( $value );
			return '' === $clean ? null : $clean;
		}
		$parts = wp_parse_url( $value );
		if ( ! is_array( $parts ) || empty( $parts['scheme'] ) || empty( $parts['host'] ) || ! in_array( strtolower( $parts['scheme'] ), array( 'http', 'https' ), true ) ) {
			return null;
		}
		$clean = esc_url_raw( $value, array( 'http', 'https' ) );
		return '' === $clean ? null : $clean;
	}

	/**
	 * What a developer token says about itself (it is not verified: only Apple can).
	 *
	 * @param string   $token A JWT.
	 * @param int|null $now   The time to compare `exp` with; defaults to now.
	 * @return array{team_id: string, key_id: string, expires: int}|WP_Error
	 */
	public static function token_info( $token, $now = null ) {
		$now   = null === $now ? time() : $now;
		$parts = explode( '.', $token );
		if ( 3 !== count( $parts ) || ! preg_match( '/^[A-Za-z0-9_-]+$/', $parts[0] . $parts[1] . $parts[2] ) ) {
			return new WP_Error( 'malformed', __( 'That is not a developer token: expected a JWT (three base64url parts separated by dots). The previous token was kept.', 'am-elements' ) );
		}
		$header  = json_decode( (string) self::base64url_decode( $parts[0] ), true );
		$payload = json_decode( (string) self::base64url_decode( $parts[1] ), true );
		if ( ! is_array( $header ) || ! is_array( $payload ) || empty( $payload['iss'] ) || ! is_string( $payload['iss'] ) || ! isset( $payload['exp'] ) || ! is_numeric( $payload['exp'] ) ) {
			return new WP_Error( 'malformed', __( 'That developer token cannot be read: its payload needs "iss" (your team ID) and "exp". The previous token was kept.', 'am-elements' ) );
		}
		$expires = (int) $payload['exp'];
		if ( $expires <= $now ) {
			return new WP_Error(
				'expired',
				/* translators: %s: a date. */
				sprintf( __( 'That developer token expired on %s. Generate a new one (for example with "npx am-elements developer-token"). The previous token was kept.', 'am-elements' ), wp_date( get_option( 'date_format' ), $expires ) )
			);
		}
		return array(
			'team_id' => $payload['iss'],
			'key_id'  => isset( $header['kid'] ) && is_string( $header['kid'] ) ? $header['kid'] : '',
			'expires' => $expires,
		);
	}

	/**
	 * Decodes base64url without padding.
	 *
	 * @param string $value The encoded text.
	 * @return string|false
	 */
	private static function base64url_decode( $value ) {
		$value = strtr( $value, '-_', '+/' );
		$pad   = strlen( $value ) % 4;
		if ( $pad ) {
			$value .= str_repeat( '=', 4 - $pad );
		}
		return base64_decode( $value, true ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.obfuscation_base64_decode -- JWT parts are base64url.
	}

	/**
	 * Renders Settings → Apple Music.
	 */
	public static function render_page() {
		if ( ! current_user_can( 'manage_options' ) ) {
			return;
		}
		?>
		<div class="wrap">
			<h1><?php echo esc_html( get_admin_page_title() ); ?></h1>
			<?php self::render_status_notices(); ?>
			<form action="<?php echo esc_url( admin_url( 'options.php' ) ); ?>" method="post" enctype="multipart/form-data">
				<?php
				settings_fields( self::GROUP );
				do_settings_sections( self::PAGE );
				submit_button();
				?>
			</form>
			<h2><?php esc_html_e( 'Shortcodes', 'am-elements' ); ?></h2>
			<p><?php esc_html_e( 'Put these in any post, page or shortcode block:', 'am-elements' ); ?></p>
			<ul class="ul-disc">
				<li><code>[am_authorize_button]</code> <?php esc_html_e( 'or', 'am-elements' ); ?> <code>[am_authorize_button label="Sign in with Apple Music"]</code></li>
				<li><code>[am_unauthorize_button]</code></li>
				<li><code>[am_library_list type="albums" limit="50"]</code> — <?php echo esc_html( implode( ', ', AM_Elements_Shortcodes::LIBRARY_TYPES ) ); ?></li>
				<li><code>[am_auth_provider] … [/am_auth_provider]</code> — <?php esc_html_e( 'optional: groups several elements under one sign-in state.', 'am-elements' ); ?></li>
			</ul>
		</div>
		<?php
	}

	/**
	 * Warnings about the saved configuration, shown on the settings page only.
	 */
	private static function render_status_notices() {
		$settings = self::get();
		$notices  = array();
		if ( '' === $settings['developer_token'] && '' === $settings['developer_token_url'] && null === AM_Elements_Token_Server::key_info() ) {
			$notices[] = __( 'No developer token is configured yet: the sign-in buttons will report an error until you add one.', 'am-elements' );
		}
		if ( '' !== $settings['developer_token'] && null === AM_Elements_Token_Server::key_info() ) {
			$info = self::token_info( $settings['developer_token'] );
			if ( is_wp_error( $info ) ) {
				$notices[] = 'expired' === $info->get_error_code()
					? __( 'The saved developer token has expired: sign-in fails until you save a new one.', 'am-elements' )
					: __( 'The saved developer token cannot be read: save a new one.', 'am-elements' );
			} elseif ( $info['expires'] - time() < self::EXPIRY_WARNING_DAYS * DAY_IN_SECONDS ) {
				/* translators: %s: a date. */
				$notices[] = sprintf( __( 'The saved developer token expires on %s: generate a new one soon.', 'am-elements' ), wp_date( get_option( 'date_format' ), $info['expires'] ) );
			}
		}
		if ( ! AM_Elements_Assets::asset_exists() ) {
			$notices[] = __( 'The plugin’s script assets/am-elements.js is missing: run "npm run build:wordpress" in the am-elements repository, or install a packaged copy of the plugin.', 'am-elements' );
		}
		foreach ( $notices as $notice ) {
			echo '<div class="notice notice-warning inline"><p>' . esc_html( $notice ) . '</p></div>';
		}
	}

	/**
	 * Introduces the token section.
	 */
	public static function render_token_section() {
		echo '<p>' . esc_html__( 'Apple Music needs a developer token (a JWT signed with your MusicKit key). It is public by nature: it is sent to every visitor’s browser. Without a stored key above, paste one here; it lasts at most six months.', 'am-elements' ) . '</p>';
	}

	/**
	 * Introduces the endpoints section.
	 */
	public static function render_endpoints_section() {
		echo '<p>' . esc_html__( 'Leave these empty to use Apple. Set them to test against the am-elements emulator, e.g. http://127.0.0.1:9000/woa, http://127.0.0.1:9000 and http://127.0.0.1:9000/account/web/logout.', 'am-elements' ) . '</p>';
	}

	/**
	 * Introduces the affiliate section.
	 */
	public static function render_links_section() {
		echo '<p>' . esc_html__( 'If you are in Apple’s affiliate program (Apple Services Performance Partners), your affiliate token and a campaign token are sent to Apple with every sign-in (Apple’s “at” and “ct” link parameters), as MusicKit JS sends them. Leave them empty otherwise.', 'am-elements' ) . '</p>';
	}

	/**
	 * An affiliate or campaign token field.
	 *
	 * @param array<string, string> $args key.
	 */
	public static function render_link_token_field( $args ) {
		$settings = self::get();
		$key      = $args['key'];
		printf(
			'<input type="text" id="%1$s" name="%2$s[%3$s]" value="%4$s" class="regular-text code" maxlength="64" autocomplete="off" spellcheck="false" />',
			esc_attr( 'am_elements_' . $key ),
			esc_attr( self::OPTION ),
			esc_attr( $key ),
			esc_attr( $settings[ $key ] )
		);
	}

	/**
	 * The token field: write-only. The saved token is described, never printed.
	 */
	public static function render_developer_token_field() {
		$settings = self::get();
		$name     = self::OPTION;
		?>
		<textarea id="am_elements_developer_token" name="<?php echo esc_attr( $name ); ?>[developer_token]" rows="3" class="large-text code" autocomplete="off" spellcheck="false" placeholder="<?php esc_attr_e( 'Paste a new token to replace the saved one', 'am-elements' ); ?>"></textarea>
		<p class="description" id="am_elements_token_status">
			<?php
			if ( '' === $settings['developer_token'] ) {
				esc_html_e( 'No token is saved.', 'am-elements' );
			} else {
				$info = self::token_info( $settings['developer_token'] );
				if ( is_wp_error( $info ) ) {
					esc_html_e( 'A token is saved, but it is expired or unreadable.', 'am-elements' );
				} else {
					echo esc_html(
						sprintf(
							/* translators: 1: Apple team ID, 2: key ID, 3: a date. */
							__( 'A token is saved (team %1$s, key %2$s, expires %3$s). Leave the field empty to keep it.', 'am-elements' ),
							$info['team_id'],
							'' === $info['key_id'] ? '?' : $info['key_id'],
							wp_date( get_option( 'date_format' ), $info['expires'] )
						)
					);
				}
			}
			?>
		</p>
		<?php if ( '' !== $settings['developer_token'] ) : ?>
			<p><label><input type="checkbox" name="<?php echo esc_attr( $name ); ?>[developer_token_clear]" value="1" /> <?php esc_html_e( 'Remove the saved token', 'am-elements' ); ?></label></p>
		<?php endif; ?>
		<?php
	}

	/**
	 * A URL field.
	 *
	 * @param array<string, string> $args key, placeholder, description.
	 */
	public static function render_url_field( $args ) {
		$settings = self::get();
		$key      = $args['key'];
		printf(
			'<input type="text" id="%1$s" name="%2$s[%3$s]" value="%4$s" class="regular-text code" placeholder="%5$s" />',
			esc_attr( 'am_elements_' . $key ),
			esc_attr( self::OPTION ),
			esc_attr( $key ),
			esc_attr( $settings[ $key ] ),
			esc_attr( $args['placeholder'] )
		);
		if ( ! empty( $args['description'] ) ) {
			echo '<p class="description">' . esc_html( $args['description'] ) . '</p>';
		}
	}

	/**
	 * The storage select.
	 */
	public static function render_storage_field() {
		$settings = self::get();
		$labels   = array(
			'local'   => __( 'Across visits (localStorage, shared with MusicKit JS)', 'am-elements' ),
			'session' => __( 'Until the browser tab is closed (sessionStorage)', 'am-elements' ),
			'memory'  => __( 'Only while the page is open (memory)', 'am-elements' ),
		);
		echo '<select id="am_elements_storage" name="' . esc_attr( self::OPTION ) . '[storage]">';
		foreach ( $labels as $value => $label ) {
			echo '<option value="' . esc_attr( $value ) . '"' . selected( $settings['storage'], $value, false ) . '>' . esc_html( $label ) . '</option>';
		}
		echo '</select>';
	}

	/**
	 * The storefront override.
	 */
	public static function render_storefront_field() {
		$settings = self::get();
		printf(
			'<input type="text" id="am_elements_storefront" name="%1$s[storefront]" value="%2$s" class="small-text" maxlength="2" placeholder="us" />',
			esc_attr( self::OPTION ),
			esc_attr( $settings['storefront'] )
		);
		echo '<p class="description">' . esc_html__( 'Optional. Empty uses each visitor’s own storefront.', 'am-elements' ) . '</p>';
	}
}
