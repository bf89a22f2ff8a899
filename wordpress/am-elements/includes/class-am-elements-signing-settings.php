<?php
/**
 * Settings → Apple Music, "MusicKit key": upload the .p8 key once; the site then signs and
 * renews its own developer tokens (AM_Elements_Token_Server).
 *
 * @package AM_Elements
 */

defined( 'ABSPATH' ) || exit;

/**
 * The key section of the settings page. Its fields are posted with the plugin's settings
 * form; the key itself goes to its own option, encrypted, never into the settings option and
 * never back into a page.
 */
class AM_Elements_Signing_Settings {

	/** The file input's name (outside the settings array: files arrive in $_FILES). */
	const FILE_FIELD = 'am_elements_key_file';

	/**
	 * Whether this request's submission was handled (WordPress sanitizes a new option twice).
	 *
	 * @var bool
	 */
	private static $handled = false;

	/**
	 * Adds the section and its fields to the settings page.
	 *
	 * @param string $page The settings page slug.
	 */
	public static function register_fields( $page ) {
		add_settings_section( 'am_elements_signing', __( 'MusicKit key (recommended)', 'am-elements' ), array( __CLASS__, 'render_section' ), $page );
		add_settings_field( 'am_elements_team_id', __( 'Team ID', 'am-elements' ), array( __CLASS__, 'render_id_field' ), $page, 'am_elements_signing', array( 'label_for' => 'am_elements_team_id', 'key' => 'team_id' ) );
		add_settings_field( 'am_elements_key_id', __( 'Key ID', 'am-elements' ), array( __CLASS__, 'render_id_field' ), $page, 'am_elements_signing', array( 'label_for' => 'am_elements_key_id', 'key' => 'key_id' ) );
		add_settings_field( 'am_elements_key_file', __( 'Private key (.p8)', 'am-elements' ), array( __CLASS__, 'render_key_field' ), $page, 'am_elements_signing', array( 'label_for' => 'am_elements_key_file' ) );
	}

	/**
	 * Handles the section's part of a settings submission: a new key (uploaded or pasted),
	 * new IDs, or removal. Refusals become settings errors; nothing is lost.
	 *
	 * @param array<string, mixed> $input The submitted settings.
	 */
	public static function save( $input ) {
		if ( self::$handled ) {
			return;
		}
		self::$handled = true;
		$stored        = AM_Elements_Token_Server::key_info();
		if ( ! empty( $input['signing_key_clear'] ) ) {
			AM_Elements_Token_Server::remove_key();
			return;
		}
		list( $pem, $file_name ) = self::submitted_key( $input );
		$team_id                 = strtoupper( trim( isset( $input['team_id'] ) && is_string( $input['team_id'] ) ? $input['team_id'] : '' ) );
		$key_id                  = strtoupper( trim( isset( $input['key_id'] ) && is_string( $input['key_id'] ) ? $input['key_id'] : '' ) );
		if ( '' === $key_id && preg_match( '/^AuthKey_([A-Z0-9]{10})\.p8$/i', $file_name, $match ) ) {
			$key_id = strtoupper( $match[1] );
		}
		if ( null === $pem && null === $stored ) {
			if ( '' !== $team_id || '' !== $key_id ) {
				self::error( 'no_key', __( 'Add the MusicKit key (.p8) too: the team and key IDs alone cannot sign a token.', 'am-elements' ) );
			}
			return;
		}
		foreach ( array( 'team_id' => array( $team_id, __( 'The team ID is 10 letters or digits (Apple Developer → Membership).', 'am-elements' ) ), 'key_id' => array( $key_id, __( 'The key ID is 10 letters or digits (the XXXXXXXXXX of AuthKey_XXXXXXXXXX.p8).', 'am-elements' ) ) ) as $field => list( $value, $message ) ) {
			if ( ! preg_match( '/^[A-Z0-9]{10}$/', $value ) ) {
				self::error( $field, $message . ' ' . __( 'The key was not changed.', 'am-elements' ) );
				return;
			}
		}
		if ( null === $pem ) {
			AM_Elements_Token_Server::update_ids( $team_id, $key_id );
			return;
		}
		$checked = AM_Elements_Signer::check_key( $pem );
		$stored  = is_wp_error( $checked ) ? $checked : AM_Elements_Token_Server::store_key( $pem, $team_id, $key_id );
		if ( is_wp_error( $stored ) ) {
			self::error( $stored->get_error_code(), $stored->get_error_message() . ' ' . __( 'The key was not changed.', 'am-elements' ) );
		}
	}

	/**
	 * The key from the upload, else from the paste field; null when neither was given.
	 *
	 * @param array<string, mixed> $input The submitted settings.
	 * @return array{0: string|null, 1: string} The key and the uploaded file's name.
	 */
	private static function submitted_key( $input ) {
		// phpcs:disable WordPress.Security.NonceVerification.Missing -- options.php checked the Settings API nonce before sanitizing.
		$file = isset( $_FILES[ self::FILE_FIELD ] ) && is_array( $_FILES[ self::FILE_FIELD ] ) ? $_FILES[ self::FILE_FIELD ] : null;
		// phpcs:enable
		if ( $file && isset( $file['error'], $file['tmp_name'] ) && UPLOAD_ERR_OK === $file['error'] && is_uploaded_file( $file['tmp_name'] ) ) {
			$pem = file_get_contents( $file['tmp_name'], false, null, 0, 16384 ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_get_contents_file_get_contents -- a temporary upload, read once.
			return array( false === $pem ? '' : $pem, isset( $file['name'] ) ? sanitize_file_name( wp_unslash( $file['name'] ) ) : '' );
		}
		$pasted = isset( $input['signing_key'] ) && is_string( $input['signing_key'] ) ? trim( $input['signing_key'] ) : '';
		return array( '' === $pasted ? null : $pasted, '' );
	}

	/**
	 * Adds a settings error (never containing the key).
	 *
	 * @param string $code    Error code.
	 * @param string $message Message.
	 */
	private static function error( $code, $message ) {
		add_settings_error( AM_Elements_Settings::OPTION, 'am_elements_signing_' . $code, $message );
	}

	/**
	 * Introduces the section, with the state of the key and of the token it serves.
	 */
	public static function render_section() {
		echo '<p>' . esc_html__( 'Upload your MusicKit private key once: the site then signs its own developer tokens, renews them a week before they expire, and serves them to the shortcodes at its REST route. The key stays on this server, encrypted; it is never shown again.', 'am-elements' ) . '</p>';
		echo '<p id="am_elements_signing_status"><strong>' . esc_html( self::status() ) . '</strong></p>';
	}

	/**
	 * One sentence on the key and the current token.
	 *
	 * @return string
	 */
	public static function status() {
		$info = AM_Elements_Token_Server::key_info();
		if ( null === $info ) {
			return __( 'No key is stored: the token below is used.', 'am-elements' );
		}
		$signed = AM_Elements_Token_Server::current();
		if ( is_wp_error( $signed ) ) {
			/* translators: 1: Apple team ID, 2: key ID, 3: why no token could be signed. */
			return sprintf( __( 'A key is stored (team %1$s, key %2$s), but no token can be signed: %3$s', 'am-elements' ), $info['team_id'], $info['key_id'], $signed->get_error_message() );
		}
		return sprintf(
			/* translators: 1: Apple team ID, 2: key ID, 3: a date and time, 4: a URL. */
			__( 'A key is stored (team %1$s, key %2$s). The current token expires on %3$s and is renewed automatically a week before; the shortcodes fetch it from %4$s.', 'am-elements' ),
			$info['team_id'],
			$info['key_id'],
			wp_date( get_option( 'date_format' ) . ' ' . get_option( 'time_format' ), $signed['exp'] ),
			AM_Elements_Token_Server::url()
		);
	}

	/**
	 * The team or key ID field, showing the stored value (IDs are public: every token has them).
	 *
	 * @param array<string, string> $args key.
	 */
	public static function render_id_field( $args ) {
		$info = AM_Elements_Token_Server::key_info();
		printf(
			'<input type="text" id="%1$s" name="%2$s[%3$s]" value="%4$s" class="regular-text code" maxlength="10" autocomplete="off" spellcheck="false" />',
			esc_attr( 'am_elements_' . $args['key'] ),
			esc_attr( AM_Elements_Settings::OPTION ),
			esc_attr( $args['key'] ),
			esc_attr( $info ? $info[ $args['key'] ] : '' )
		);
		if ( 'key_id' === $args['key'] ) {
			echo '<p class="description">' . esc_html__( 'Left empty, it is read from the file name AuthKey_XXXXXXXXXX.p8.', 'am-elements' ) . '</p>';
		}
	}

	/**
	 * The key: a file upload, or a paste field. Write-only.
	 */
	public static function render_key_field() {
		$info = AM_Elements_Token_Server::key_info();
		echo '<input type="file" id="am_elements_key_file" name="' . esc_attr( self::FILE_FIELD ) . '" accept=".p8,.pem" />';
		echo '<p class="description">' . esc_html__( 'The AuthKey_XXXXXXXXXX.p8 file from Apple Developer → Certificates, Identifiers & Profiles → Keys (MusicKit). Or paste its text:', 'am-elements' ) . '</p>';
		echo '<textarea id="am_elements_signing_key" name="' . esc_attr( AM_Elements_Settings::OPTION ) . '[signing_key]" rows="3" class="large-text code" autocomplete="off" spellcheck="false" placeholder="-----BEGIN PRIVATE KEY-----"></textarea>';
		if ( $info ) {
			echo '<p><label><input type="checkbox" name="' . esc_attr( AM_Elements_Settings::OPTION ) . '[signing_key_clear]" value="1" /> ' . esc_html__( 'Remove the stored key (the site stops signing tokens)', 'am-elements' ) . '</label></p>';
		}
	}
}
