<?php
/**
 * Signs Apple Music developer tokens (ES256 JWTs) with PHP's OpenSSL: no state, no storage.
 *
 * @package AM_Elements
 */

defined( 'ABSPATH' ) || exit;

/**
 * Checks MusicKit keys and signs tokens with them. Error messages never contain the key.
 */
class AM_Elements_Signer {

	/** Byte length of each of r and s on P-256. */
	const P256_BYTES = 32;

	/**
	 * Checks that a key is what Apple issues for MusicKit: a readable EC private key on P-256.
	 *
	 * @param string $pem The text of the .p8 file.
	 * @return true|WP_Error
	 */
	public static function check_key( $pem ) {
		$key = self::load_key( $pem );
		return is_wp_error( $key ) ? $key : true;
	}

	/**
	 * The OpenSSL key for a PEM text, or why it cannot be used.
	 *
	 * @param string $pem The text of the .p8 file.
	 * @return OpenSSLAsymmetricKey|resource|WP_Error
	 */
	private static function load_key( $pem ) {
		if ( ! function_exists( 'openssl_pkey_get_private' ) || ! defined( 'OPENSSL_KEYTYPE_EC' ) ) {
			return new WP_Error( 'no_openssl', __( 'PHP’s OpenSSL extension (with elliptic curves) is needed to sign developer tokens. Ask your host to enable it, or paste a token instead.', 'am-elements' ) );
		}
		$pem = is_string( $pem ) ? trim( $pem ) : '';
		if ( false !== strpos( $pem, '-----BEGIN ENCRYPTED PRIVATE KEY-----' ) ) {
			return new WP_Error( 'key_encrypted', __( 'The key is encrypted. Upload the unencrypted AuthKey_XXXXXXXXXX.p8 file from Apple.', 'am-elements' ) );
		}
		if ( ! preg_match( '/-----BEGIN (EC )?PRIVATE KEY-----/', $pem ) ) {
			return new WP_Error( 'key_not_pem', __( 'That is not a private key: upload the AuthKey_XXXXXXXXXX.p8 file from Apple (it starts with "-----BEGIN PRIVATE KEY-----").', 'am-elements' ) );
		}
		$key = openssl_pkey_get_private( $pem );
		self::clear_openssl_errors();
		if ( false === $key ) {
			return new WP_Error( 'key_damaged', __( 'The key could not be read (damaged or truncated). Upload the AuthKey_XXXXXXXXXX.p8 file from Apple as it is.', 'am-elements' ) );
		}
		$details = openssl_pkey_get_details( $key );
		if ( ! is_array( $details ) || OPENSSL_KEYTYPE_EC !== $details['type'] ) {
			return new WP_Error( 'key_type', __( 'The key is not an elliptic-curve key. Apple Music needs the EC P-256 (ES256) key from Apple Developer → Keys → MusicKit.', 'am-elements' ) );
		}
		$curve = isset( $details['ec']['curve_name'] ) ? $details['ec']['curve_name'] : '';
		if ( 'prime256v1' !== $curve ) {
			/* translators: %s: the name of an elliptic curve, e.g. secp384r1. */
			return new WP_Error( 'key_curve', sprintf( __( 'The key is on curve %s; Apple Music needs P-256 (prime256v1).', 'am-elements' ), $curve ? $curve : '?' ) );
		}
		return $key;
	}

	/**
	 * Signs a developer token: header {alg: ES256, kid}, claims {iss, iat, exp, origin?}.
	 *
	 * @param string   $pem       The text of the .p8 file.
	 * @param string   $team_id   The team ID (iss).
	 * @param string   $key_id    The key ID (kid).
	 * @param int      $issued_at Unix time (iat).
	 * @param int      $lifetime  Seconds until exp.
	 * @param string[] $origins   Allowed web origins (the origin claim); none for no claim.
	 * @return string|WP_Error The JWT.
	 */
	public static function sign( $pem, $team_id, $key_id, $issued_at, $lifetime, $origins = array() ) {
		$key = self::load_key( $pem );
		if ( is_wp_error( $key ) ) {
			return $key;
		}
		$claims = array(
			'iss' => $team_id,
			'iat' => (int) $issued_at,
			'exp' => (int) $issued_at + (int) $lifetime,
		);
		if ( $origins ) {
			$claims['origin'] = array_values( $origins );
		}
		$input = self::base64url( self::json( array( 'alg' => 'ES256', 'kid' => $key_id ) ) ) . '.' . self::base64url( self::json( $claims ) );
		$der   = '';
		$ok    = openssl_sign( $input, $der, $key, OPENSSL_ALGO_SHA256 );
		self::clear_openssl_errors();
		$signature = $ok ? self::der_to_jose( $der ) : false;
		if ( false === $signature ) {
			return new WP_Error( 'sign_failed', __( 'OpenSSL could not sign the developer token.', 'am-elements' ) );
		}
		return $input . '.' . self::base64url( $signature );
	}

	/**
	 * OpenSSL's ECDSA signature, DER `SEQUENCE { INTEGER r, INTEGER s }`, as JOSE wants it:
	 * r and s as unsigned big-endian numbers of 32 bytes each, concatenated.
	 *
	 * @param string $der The DER signature.
	 * @return string|false 64 bytes, or false for anything that is not such a signature.
	 */
	public static function der_to_jose( $der ) {
		$length = strlen( $der );
		if ( $length < 8 || 0x30 !== ord( $der[0] ) ) {
			return false;
		}
		$position = 2;
		$body     = ord( $der[1] );
		if ( 0x81 === $body ) {
			$body = ord( $der[2] );
			$position = 3;
		} elseif ( $body > 0x7f ) {
			return false;
		}
		if ( $position + $body !== $length ) {
			return false;
		}
		$raw = '';
		for ( $i = 0; $i < 2; $i++ ) {
			if ( $position + 2 > $length || 0x02 !== ord( $der[ $position ] ) ) {
				return false;
			}
			$size      = ord( $der[ $position + 1 ] );
			$position += 2;
			if ( $size < 1 || $size > self::P256_BYTES + 1 || $position + $size > $length ) {
				return false;
			}
			// DER integers are signed: a leading 0x00 keeps a high bit positive; JOSE has none.
			$number    = ltrim( substr( $der, $position, $size ), "\0" );
			$position += $size;
			if ( strlen( $number ) > self::P256_BYTES ) {
				return false;
			}
			$raw .= str_pad( $number, self::P256_BYTES, "\0", STR_PAD_LEFT );
		}
		return $position === $length ? $raw : false;
	}

	/**
	 * Base64url without padding.
	 *
	 * @param string $bytes Any bytes.
	 * @return string
	 */
	public static function base64url( $bytes ) {
		return rtrim( strtr( base64_encode( $bytes ), '+/', '-_' ), '=' ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.obfuscation_base64_encode -- JWT encoding.
	}

	/**
	 * Compact JSON as JWTs use it.
	 *
	 * @param array<string, mixed> $value The header or claims.
	 * @return string
	 */
	private static function json( $value ) {
		return (string) wp_json_encode( $value, JSON_UNESCAPED_SLASHES );
	}

	/**
	 * Empties OpenSSL's error queue, so its messages do not surface in a later, unrelated call.
	 */
	private static function clear_openssl_errors() {
		while ( function_exists( 'openssl_error_string' ) && false !== openssl_error_string() ) {
			continue;
		}
	}
}
