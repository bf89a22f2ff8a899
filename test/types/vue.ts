// Type test (tsc -p tsconfig.types.json): Vue's GlobalComponents from the generated typings.
// Volar / vue-tsc check templates against these props the way Vue normalizes them:
// `:popup-timeout="60000"` → popupTimeout, `@am-authorize="…"` → onAmAuthorize
// (demo/vue runs vue-tsc on a real template as well).
import type { GlobalComponents } from 'vue';
import type {} from 'am-elements/vue';

type PropsOf<Tag extends keyof GlobalComponents> = InstanceType<GlobalComponents[Tag]>['$props'];

export const provider: PropsOf<'am-auth-provider'> = {
  developerTokenUrl: '/developer-token',
  authorizeUrl: 'http://127.0.0.1:9000/woa',
  popupTimeout: 60_000,
  storage: 'memory',
  onAmStatusChange: (event) => console.log(event.detail.status, event.detail.reason),
};
export const button: PropsOf<'am-authorize-button'> = {
  onAmAuthorize: (event) => console.log(event.detail.musicUserToken, event.detail.fromStorage),
  onAmCancel: (event) => console.log(event.detail.reason),
};
export const signOut: PropsOf<'am-unauthorize-button'> = { onAmUnauthorize: () => {} };
export const list: PropsOf<'am-library-list'> = {
  type: 'songs',
  pageSize: 50,
  limit: 200,
  onAmLibraryLoad: (event) => console.log(event.detail.items.length, event.detail.done),
  onAmLibrarySelect: (event) => console.log(event.detail.item.id),
};

export const wrong: PropsOf<'am-auth-provider'>[] = [
  // @ts-expect-error popup-timeout is a number
  { popupTimeout: '60000' },
  // @ts-expect-error storage is 'local' | 'session' | 'memory'
  { storage: 'cloud' },
  // @ts-expect-error the am-authorize detail has no such field
  { onAmAuthorize: (event) => event.detail.userToken },
];
export const wrongList: PropsOf<'am-library-list'>[] = [
  // @ts-expect-error type is one of the library types
  { type: 'podcasts' },
  // @ts-expect-error page-size is a number
  { pageSize: '50' },
];
