<?php
/**
 * Registers dist/am-elements.js (copied to assets/ by the build) as an ES module and
 * enqueues it only on pages where a shortcode was rendered.
 *
 * @package AM_Elements
 */

defined( 'ABSPATH' ) || exit;

/**
 * Script registration and enqueuing. WordPress 6.5+ gets a real script module
 * (wp_enqueue_script_module); older versions get a classic registration whose tag is
 * rewritten to type="module".
 */
class AM_Elements_Assets {

	const HANDLE = 'am-elements';
	const ASSET  = 'assets/am-elements.js';

	/**
	 * Whether the script was enqueued during this request.
	 *
	 * @var bool
	 */
	private static $enqueued = false;

	/**
	 * Hooks the script registration.
	 */
	public static function init() {
		add_action( 'wp_enqueue_scripts', array( __CLASS__, 'register' ) );
		add_filter( 'script_loader_tag', array( __CLASS__, 'module_tag' ), 10, 2 );
	}

	/**
	 * Whether WordPress has the script module API (6.5+).
	 *
	 * @return bool
	 */
	public static function has_module_api() {
		/**
		 * Filters whether the plugin uses wp_enqueue_script_module() (WordPress 6.5+) or a
		 * classic script with type="module".
		 *
		 * @param bool $use Whether to use the script module API.
		 */
		return (bool) apply_filters( 'am_elements_use_script_modules', function_exists( 'wp_register_script_module' ) && function_exists( 'wp_enqueue_script_module' ) );
	}

	/**
	 * Whether the built bundle is in the plugin.
	 *
	 * @return bool
	 */
	public static function asset_exists() {
		return is_readable( AM_ELEMENTS_DIR . self::ASSET );
	}

	/**
	 * The version query argument: the bundle's modification time, so a rebuilt bundle is
	 * never served from a stale cache.
	 *
	 * @param string $relative_path A path inside the plugin.
	 * @return string
	 */
	private static function version( $relative_path ) {
		$mtime = @filemtime( AM_ELEMENTS_DIR . $relative_path ); // phpcs:ignore WordPress.PHP.NoSilencedErrors.Discouraged -- a missing file is reported on the settings page.
		return AM_ELEMENTS_VERSION . ( $mtime ? '.' . $mtime : '' );
	}

	/**
	 * Registers the script (idempotent).
	 */
	public static function register() {
		$url = plugins_url( self::ASSET, AM_ELEMENTS_FILE );
		if ( self::has_module_api() ) {
			wp_register_script_module( self::HANDLE, $url, array(), self::version( self::ASSET ) );
		} elseif ( ! wp_script_is( self::HANDLE, 'registered' ) ) {
			wp_register_script( self::HANDLE, $url, array(), self::version( self::ASSET ), true );
		}
	}

	/**
	 * Enqueues the elements. Called by every shortcode, so only pages using one load them;
	 * shortcodes render inside the content, so the script is printed in the footer.
	 */
	public static function enqueue() {
		if ( self::$enqueued ) {
			return;
		}
		self::$enqueued = true;
		self::register();
		if ( self::has_module_api() ) {
			wp_enqueue_script_module( self::HANDLE );
		} else {
			wp_enqueue_script( self::HANDLE );
		}
	}

	/**
	 * Enqueues the elements as a classic registration loaded as a module, whatever the
	 * WordPress version: for the block editor, which prints classic scripts.
	 */
	public static function enqueue_classic() {
		if ( ! wp_script_is( self::HANDLE, 'registered' ) ) {
			wp_register_script( self::HANDLE, plugins_url( self::ASSET, AM_ELEMENTS_FILE ), array(), self::version( self::ASSET ), true );
		}
		wp_enqueue_script( self::HANDLE );
	}

	/**
	 * Makes the classic registration load as an ES module (WordPress before 6.5, and the editor).
	 *
	 * @param string $tag    The script tag.
	 * @param string $handle The script handle.
	 * @return string
	 */
	public static function module_tag( $tag, $handle ) {
		if ( self::HANDLE !== $handle ) {
			return $tag;
		}
		return preg_replace_callback(
			'/<script\b[^>]*\bid=([\'"])' . preg_quote( self::HANDLE, '/' ) . '-js\1[^>]*>/',
			static function ( $match ) {
				$open = preg_replace( '/\stype=([\'"])[^\'"]*\1/', '', $match[0] );
				return preg_replace( '/^<script\b/', '<script type="module"', $open );
			},
			$tag
		);
	}
}
