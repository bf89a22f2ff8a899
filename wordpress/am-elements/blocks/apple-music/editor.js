/**
 * The "Apple Music" block in the editor: settings in the sidebar, and a preview rendered by
 * the server (the same markup visitors get), inert so that clicks select the block instead of
 * signing in. Plain JavaScript against the editor's globals: no build step.
 */
(function (blocks, element, blockEditor, components, i18n, ServerSideRender) {
  var el = element.createElement;
  var __ = i18n.__;
  var TYPES = [
    ['albums', __('Albums', 'am-elements')],
    ['songs', __('Songs', 'am-elements')],
    ['playlists', __('Playlists', 'am-elements')],
    ['artists', __('Artists', 'am-elements')],
    ['music-videos', __('Music videos', 'am-elements')],
    ['recently-added', __('Recently added', 'am-elements')],
  ];

  /** A whole number from a number field; 0 (the element's default) when empty or invalid. */
  function wholeNumber(value, max) {
    var number = parseInt(value, 10);
    return number > 0 ? Math.min(number, max) : 0;
  }

  function Edit(props) {
    var a = props.attributes;
    var set = props.setAttributes;
    var settings = el(
      blockEditor.InspectorControls,
      null,
      el(
        components.PanelBody,
        { title: __('Library', 'am-elements') },
        el(components.ToggleControl, {
          label: __('Show the library', 'am-elements'),
          checked: a.showList,
          onChange: function (value) {
            set({ showList: value });
          },
        }),
        el(components.SelectControl, {
          label: __('What to list', 'am-elements'),
          value: a.type,
          options: TYPES.map(function (type) {
            return { value: type[0], label: type[1] };
          }),
          onChange: function (value) {
            set({ type: value });
          },
        }),
        el(components.TextControl, {
          label: __('Show at most (0: all)', 'am-elements'),
          type: 'number',
          min: 0,
          value: a.limit,
          onChange: function (value) {
            set({ limit: wholeNumber(value, 100000) });
          },
        }),
        el(components.TextControl, {
          label: __('Items per request (1–100; 0: 100)', 'am-elements'),
          type: 'number',
          min: 0,
          max: 100,
          value: a.pageSize,
          onChange: function (value) {
            set({ pageSize: wholeNumber(value, 100) });
          },
        }),
      ),
      el(
        components.PanelBody,
        { title: __('Buttons', 'am-elements') },
        el(components.ToggleControl, {
          label: __('Show Connect and Disconnect', 'am-elements'),
          checked: a.showButtons,
          onChange: function (value) {
            set({ showButtons: value });
          },
        }),
        el(components.TextControl, {
          label: __('Connect label', 'am-elements'),
          placeholder: __('Connect Apple Music', 'am-elements'),
          value: a.connectLabel,
          onChange: function (value) {
            set({ connectLabel: value });
          },
        }),
        el(components.TextControl, {
          label: __('Disconnect label', 'am-elements'),
          placeholder: __('Disconnect Apple Music', 'am-elements'),
          value: a.disconnectLabel,
          onChange: function (value) {
            set({ disconnectLabel: value });
          },
        }),
        el(components.ToggleControl, {
          label: __('Show both buttons at all times', 'am-elements'),
          help: __('Otherwise only the one that applies shows.', 'am-elements'),
          checked: a.persistent,
          onChange: function (value) {
            set({ persistent: value });
          },
        }),
      ),
    );
    var preview = el(components.Disabled, null, el(ServerSideRender, { block: 'am-elements/apple-music', attributes: a }));
    return el(element.Fragment, null, settings, el('div', blockEditor.useBlockProps(), preview));
  }

  blocks.registerBlockType('am-elements/apple-music', {
    edit: Edit,
    // Rendered on the server, like the shortcodes, so the markup follows the settings.
    save: function () {
      return null;
    },
  });
})(window.wp.blocks, window.wp.element, window.wp.blockEditor, window.wp.components, window.wp.i18n, window.wp.serverSideRender);
