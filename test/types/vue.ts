// Type test (tsc -p tsconfig.types.json): Vue's GlobalComponents from the generated typings,
// i.e. what Volar / vue-tsc check templates such as
// `<am-auth-provider :popup-timeout="60000" @am-status-change="…">` against.
import type { GlobalComponents } from 'vue';
import type {} from 'am-elements/vue';

type PropsOf<Tag extends keyof GlobalComponents> = InstanceType<GlobalComponents[Tag]>['$props'];

export const provider: PropsOf<'am-auth-provider'> = {
  'developer-token-url': '/developer-token',
  'authorize-url': 'http://127.0.0.1:9000/woa',
  'popup-timeout': 60_000,
  storage: 'memory',
  'onam-status-change': (event) => console.log(event.detail.status),
};
export const button: PropsOf<'am-authorize-button'> = {
  'onam-authorize': (event) => console.log(event.detail.musicUserToken, event.detail.fromStorage),
};
export const signOut: PropsOf<'am-unauthorize-button'> = { 'onam-unauthorize': () => {} };

export const wrong: PropsOf<'am-auth-provider'>[] = [
  // @ts-expect-error popup-timeout is a number
  { 'popup-timeout': '60000' },
  // @ts-expect-error storage is 'local' | 'session' | 'memory'
  { storage: 'cloud' },
  // @ts-expect-error the am-authorize detail has no such field
  { 'onam-authorize': (event) => event.detail.userToken },
];
