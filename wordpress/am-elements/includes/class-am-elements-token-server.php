<?php
/**
 * The site signs its own developer tokens: the MusicKit key uploaded once in Settings → Apple
 * Music, a token signed from it and renewed a week before it expires, served at
 * /wp-json/am-elements/v1/developer-token for the shortcodes' providers.
 *
 * @package AM_Elements
 */

defined( 'ABSPATH' ) || exit;

/**
 * Stores the key (encrypted, in an option that is not autoloaded), keeps the current token and
 * answers the REST route.
 */
class AM_Elements_Token_Server {

	/** The key and its team and key IDs: never autoloaded, never printed. */
	const KEY_OPTION = 'am_elements_signing_key';
	/** The current signed token (public by nature), not autoloaded either. */
	const TOKEN_OPTION = 'am_elements_signed_token';

	const REST_NAMESPACE = 'am-elements/v1';
	const REST_ROUTE     = '/developer-token';

	/** Each token's lifetime: 180 days, well under Apple's limit of about six months. */
	const LIFETIME = 15552000;
	/** A new token is signed this long before the current one expires. */
	const RENEW_BEFORE = 604800;
	/** Caches may keep the answer this long at most. */
	const MAX_CACHE = 3600;

	/**
	 * Hooks the REST route.
	 */
	public static function init() {
		add_action( 'rest_api_init', array( __CLASS__, 'register_route' ) );
	}

	/**
	 * Registers GET /am-elements/v1/developer-token, public: the token is sent to every visitor anyway.
	 */
	public static function register_route() {
		register_rest_route(
			self::REST_NAMESPACE,
			self::REST_ROUTE,
			array(
				'methods'             => WP_REST_Server::READABLE,
				'callback'            => array( __CLASS__, 'rest_token' ),
				'permission_callback' => '__return_true',
			)
		);
	}

	/**
	 * The URL the providers fetch the token from.
	 *
	 * @return string
	 */
	public static function url() {
		return rest_url( self::REST_NAMESPACE . self::REST_ROUTE );
	}

	/**
	 * Answers `{"token": "…"}`, cached no longer than the token stays current.
	 *
	 * @return WP_REST_Response|WP_Error
	 */
	public static function rest_token() {
		$now    = time();
		$signed = self::current( $now );
		if ( is_wp_error( $signed ) ) {
			$status = 'no_key' === $signed->get_error_code() ? 404 : 503;
			return new WP_Error( 'am_elements_' . $signed->get_error_code(), $signed->get_error_message(), array( 'status' => $status ) );
		}
		$response = new WP_REST_Response( array( 'token' => $signed['token'] ) );
		$fresh    = min( self::MAX_CACHE, $signed['exp'] - self::RENEW_BEFORE - $now );
		$response->header( 'Cache-Control', $fresh > 0 ? 'public, max-age=' . $fresh : 'no-cache' );
		return $response;
	}

	/**
	 * The stored key's team and key IDs (never the key), or null when none is stored.
	 *
	 * @return array{team_id: string, key_id: string, saved: int}|null
	 */
	public static function key_info() {
		$record = get_option( self::KEY_OPTION );
		if ( ! is_array( $record ) || empty( $record['key'] ) ) {
			return null;
		}
		return array(
			'team_id' => (string) $record['team_id'],
			'key_id'  => (string) $record['key_id'],
			'saved'   => (int) $record['saved'],
		);
	}

	/**
	 * Stores a checked key with its IDs, replacing any previous one, and forgets the token
	 * signed with the previous configuration.
	 *
	 * @param string $pem     The key (already checked with AM_Elements_Signer::check_key).
	 * @param string $team_id The team ID.
	 * @param string $key_id  The key ID.
	 * @return true|WP_Error
	 */
	public static function store_key( $pem, $team_id, $key_id ) {
		$sealed = self::seal( $pem );
		if ( is_wp_error( $sealed ) ) {
			return $sealed;
		}
		$record = array(
			'team_id' => $team_id,
			'key_id'  => $key_id,
			'key'     => $sealed,
			'saved'   => time(),
		);
		// Written with autoload off (false): the key loads only when a token is signed.
		update_option( self::KEY_OPTION, $record, false );
		delete_option( self::TOKEN_OPTION );
		return true;
	}

	/**
	 * Changes the team or key ID of the stored key.
	 *
	 * @param string $team_id The team ID.
	 * @param string $key_id  The key ID.
	 */
	public static function update_ids( $team_id, $key_id ) {
		$record = get_option( self::KEY_OPTION );
		if ( is_array( $record ) && ( $record['team_id'] !== $team_id || $record['key_id'] !== $key_id ) ) {
			$record['team_id'] = $team_id;
			$record['key_id']  = $key_id;
			update_option( self::KEY_OPTION, $record, false );
			delete_option( self::TOKEN_OPTION );
		}
	}

	/**
	 * Removes the key and the token signed with it.
	 */
	public static function remove_key() {
		delete_option( self::KEY_OPTION );
		delete_option( self::TOKEN_OPTION );
	}

	/**
	 * The token to serve at `$now`: the stored one until a week before it expires, else a new one.
	 *
	 * @param int|null $now Unix time; defaults to now.
	 * @return array{token: string, iat: int, exp: int}|WP_Error
	 */
	public static function current( $now = null ) {
		$now    = null === $now ? time() : (int) $now;
		$record = get_option( self::KEY_OPTION );
		if ( ! is_array( $record ) || empty( $record['key'] ) ) {
			return new WP_Error( 'no_key', __( 'No MusicKit key is stored: upload it in Settings → Apple Music.', 'am-elements' ) );
		}
		$origins = self::origins();
		$stored  = get_option( self::TOKEN_OPTION );
		if ( is_array( $stored ) && isset( $stored['token'], $stored['exp'], $stored['origins'] ) && $stored['origins'] === $origins && $now < $stored['exp'] - self::RENEW_BEFORE ) {
			return $stored;
		}
		$pem = self::unseal( $record['key'] );
		if ( is_wp_error( $pem ) ) {
			return $pem;
		}
		$token = AM_Elements_Signer::sign( $pem, $record['team_id'], $record['key_id'], $now, self::LIFETIME, $origins );
		if ( is_wp_error( $token ) ) {
			return $token;
		}
		$signed = array(
			'token'   => $token,
			'iat'     => $now,
			'exp'     => $now + self::LIFETIME,
			'origins' => $origins,
		);
		// Two requests renewing at once each sign a valid token; the last one written stays.
		update_option( self::TOKEN_OPTION, $signed, false );
		return $signed;
	}

	/**
	 * The token's origin claim: this site's origins (home and WordPress address).
	 *
	 * @return string[]
	 */
	public static function origins() {
		$origins = array();
		foreach ( array( home_url( '/' ), site_url( '/' ) ) as $url ) {
			$parts = wp_parse_url( $url );
			if ( ! empty( $parts['scheme'] ) && ! empty( $parts['host'] ) ) {
				$origins[] = strtolower( $parts['scheme'] . '://' . $parts['host'] ) . ( isset( $parts['port'] ) ? ':' . $parts['port'] : '' );
			}
		}
		/**
		 * Filters the web origins written to the developer token's origin claim: the only
		 * pages Apple accepts it from. An empty list signs tokens without the claim.
		 *
		 * @param string[] $origins Origins such as https://example.com.
		 */
		return array_values( array_unique( (array) apply_filters( 'am_elements_token_origins', $origins ) ) );
	}

	/**
	 * The key encrypted with a key derived from the site's secret salts (wp-config.php), so a
	 * copy of the database alone does not reveal it.
	 *
	 * @param string $pem The key.
	 * @return string|WP_Error
	 */
	private static function seal( $pem ) {
		$iv     = random_bytes( 12 );
		$tag    = '';
		$sealed = openssl_encrypt( $pem, 'aes-256-gcm', self::sealing_key(), OPENSSL_RAW_DATA, $iv, $tag );
		if ( false === $sealed ) {
			return new WP_Error( 'seal_failed', __( 'The key could not be encrypted for storage (OpenSSL without AES-256-GCM).', 'am-elements' ) );
		}
		return base64_encode( $iv . $tag . $sealed ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.obfuscation_base64_encode -- binary in an option.
	}

	/**
	 * The stored key, decrypted.
	 *
	 * @param string $sealed What seal() returned.
	 * @return string|WP_Error
	 */
	private static function unseal( $sealed ) {
		$bytes = base64_decode( (string) $sealed, true ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.obfuscation_base64_decode -- binary in an option.
		$pem   = false === $bytes || strlen( $bytes ) < 29 ? false : openssl_decrypt( substr( $bytes, 28 ), 'aes-256-gcm', self::sealing_key(), OPENSSL_RAW_DATA, substr( $bytes, 0, 12 ), substr( $bytes, 12, 16 ) );
		if ( false === $pem ) {
			return new WP_Error( 'key_unreadable', __( 'The stored MusicKit key can no longer be read (the site’s secret keys in wp-config.php changed). Upload it again in Settings → Apple Music.', 'am-elements' ) );
		}
		return $pem;
	}

	/**
	 * The encryption key: 32 bytes derived from AUTH_KEY and AUTH_SALT.
	 *
	 * @return string
	 */
	private static function sealing_key() {
		return hash_hmac( 'sha256', 'am-elements MusicKit key', wp_salt( 'auth' ), true );
	}
}
