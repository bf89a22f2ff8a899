<?php
/**
 * Removes the plugin's settings when it is deleted from the Plugins screen.
 *
 * @package AM_Elements
 */

defined( 'WP_UNINSTALL_PLUGIN' ) || exit;

/**
 * The settings, the stored MusicKit key and the token signed with it.
 */
function am_elements_delete_options() {
	foreach ( array( 'am_elements_settings', 'am_elements_signing_key', 'am_elements_signed_token' ) as $option ) {
		delete_option( $option );
	}
}

if ( is_multisite() ) {
	foreach ( get_sites( array( 'fields' => 'ids' ) ) as $am_elements_site_id ) {
		switch_to_blog( $am_elements_site_id );
		am_elements_delete_options();
		restore_current_blog();
	}
} else {
	am_elements_delete_options();
}
