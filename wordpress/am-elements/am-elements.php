<?php
/**
 * Plugin Name:       Apple Music Elements
 * Plugin URI:        https://www.npmjs.com/package/am-elements
 * Description:       Apple Music sign-in and library on your pages: an Apple Music block and shortcodes for the am-elements Web Components ([am_authorize_button], [am_unauthorize_button], [am_library_list]).
 * Version:           0.1.0
 * Requires at least: 6.1
 * Requires PHP:      7.4
 * Author:            am-elements contributors
 * License:           MIT
 * License URI:       https://opensource.org/licenses/MIT
 * Text Domain:       am-elements
 * Domain Path:       /languages
 *
 * @package AM_Elements
 */

defined( 'ABSPATH' ) || exit;

define( 'AM_ELEMENTS_VERSION', '0.1.0' );
define( 'AM_ELEMENTS_FILE', __FILE__ );
define( 'AM_ELEMENTS_DIR', plugin_dir_path( __FILE__ ) );

require_once AM_ELEMENTS_DIR . 'includes/class-am-elements-settings.php';
require_once AM_ELEMENTS_DIR . 'includes/class-am-elements-signer.php';
require_once AM_ELEMENTS_DIR . 'includes/class-am-elements-token-server.php';
require_once AM_ELEMENTS_DIR . 'includes/class-am-elements-signing-settings.php';
require_once AM_ELEMENTS_DIR . 'includes/class-am-elements-assets.php';
require_once AM_ELEMENTS_DIR . 'includes/class-am-elements-shortcodes.php';
require_once AM_ELEMENTS_DIR . 'includes/class-am-elements-block.php';

/**
 * Loads the plugin's translations.
 */
function am_elements_load_textdomain() {
	load_plugin_textdomain( 'am-elements', false, dirname( plugin_basename( AM_ELEMENTS_FILE ) ) . '/languages' );
}
add_action( 'init', 'am_elements_load_textdomain' );

AM_Elements_Settings::init();
AM_Elements_Token_Server::init();
AM_Elements_Assets::init();
AM_Elements_Shortcodes::init();
AM_Elements_Block::init();
