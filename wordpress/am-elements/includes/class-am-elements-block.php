<?php
/**
 * The "Apple Music" block (blocks/apple-music/block.json): a provider with the Connect and
 * Disconnect buttons and the library list, rendered on the server like the shortcodes (the
 * same markup, settings and escaping). Its editor script is plain JavaScript, no build step.
 *
 * @package AM_Elements
 */

defined( 'ABSPATH' ) || exit;

/**
 * Registers and renders the block.
 */
class AM_Elements_Block {

	const NAME = 'am-elements/apple-music';

	/**
	 * Hooks the registration.
	 */
	public static function init() {
		add_action( 'init', array( __CLASS__, 'register' ) );
		add_action( 'enqueue_block_editor_assets', array( __CLASS__, 'editor_assets' ) );
	}

	/**
	 * Registers the block from its block.json.
	 */
	public static function register() {
		register_block_type( AM_ELEMENTS_DIR . 'blocks/apple-music', array( 'render_callback' => array( __CLASS__, 'render' ) ) );
	}

	/**
	 * The elements themselves in the editor, so that the preview shows real buttons and list.
	 */
	public static function editor_assets() {
		AM_Elements_Assets::enqueue_classic();
	}

	/**
	 * The block's markup: one provider around the buttons and the list.
	 *
	 * @param array $attributes The block's attributes (block.json).
	 * @return string
	 */
	public static function render( $attributes ) {
		$a = wp_parse_args(
			is_array( $attributes ) ? $attributes : array(),
			array(
				'type'            => 'albums',
				'limit'           => 0,
				'pageSize'        => 0,
				'showButtons'     => true,
				'showList'        => true,
				'connectLabel'    => '',
				'disconnectLabel' => '',
				'persistent'      => false,
			)
		);
		if ( empty( $a['showButtons'] ) && empty( $a['showList'] ) ) {
			return '';
		}
		$inner = AM_Elements_Shortcodes::provider(
			static function () use ( $a ) {
				$html = '';
				if ( ! empty( $a['showButtons'] ) ) {
					$persistent = ! empty( $a['persistent'] );
					$html      .= '<div class="am-elements-buttons">'
						. AM_Elements_Shortcodes::authorize_button( array( 'label' => (string) $a['connectLabel'], 'persistent' => $persistent ) )
						. ' '
						. AM_Elements_Shortcodes::unauthorize_button( array( 'label' => (string) $a['disconnectLabel'], 'persistent' => $persistent ) )
						. '</div>';
				}
				if ( ! empty( $a['showList'] ) ) {
					$html .= AM_Elements_Shortcodes::library_list(
						array(
							'type'      => (string) $a['type'],
							'limit'     => (int) $a['limit'] > 0 ? (string) (int) $a['limit'] : '',
							'page_size' => (int) $a['pageSize'] > 0 ? (string) (int) $a['pageSize'] : '',
						)
					);
				}
				return $html;
			}
		);
		return '<div ' . get_block_wrapper_attributes() . '>' . $inner . '</div>';
	}
}
