import { defineElement } from './define.js';
import { AmLibraryList } from './elements/library-list/library-list.js';
// The signed-out state shows an <am-authorize-button>.
import './am-authorize-button.js';

export { AmLibraryList };
export type { LibraryListState } from './elements/library-list/library-loader.js';
defineElement('am-library-list', AmLibraryList);

declare global {
  interface HTMLElementTagNameMap {
    'am-library-list': AmLibraryList;
  }
}
