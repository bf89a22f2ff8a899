/** @jsxImportSource preact */
// Type test (tsc -p tsconfig.types.json): Preact JSX against the generated typings.
import type {} from 'am-elements/preact';

export const page = (
  <am-auth-provider developer-token="eyJ…" api-url="http://127.0.0.1:9000" onam-error={(event) => event.detail.code}>
    <am-authorize-button onam-authorize={(event) => event.detail.storefrontId.toUpperCase()} />
    <am-unauthorize-button />
  </am-auth-provider>
);

export const wrong = [
  // @ts-expect-error popup-timeout is a number
  <am-auth-provider popup-timeout="soon" />,
  // @ts-expect-error the am-error detail's code is a string
  <am-auth-provider onam-error={(event) => event.detail.code.toFixed()} />,
];
