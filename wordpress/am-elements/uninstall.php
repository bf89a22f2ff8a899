<?php
/**
 * Removes the plugin's settings when it is deleted from the Plugins screen.
 *
 * @package AM_Elements
 */

defined( 'WP_UNINSTALL_PLUGIN' ) || exit;

if ( is_multisite() ) {
	foreach ( get_sites( array( 'fields' => 'ids' ) ) as $am_elements_site_id ) {
		switch_to_blog( $am_elements_site_id );
		delete_option( 'am_elements_settings' );
		restore_current_blog();
	}
} else {
	delete_option( 'am_elements_settings' );
}
