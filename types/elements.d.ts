// Every element class and event type, for the typings generated from custom-elements.json
// (./jsx.d.ts, ./vue.d.ts): the sign-in and library elements and the playback ones live in two
// entry points (am-elements, am-elements/playback.js), the generators import from one module.
export * from '../dist/index.js';
export * from '../dist/playback.js';
