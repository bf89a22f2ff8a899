/** JSON-RPC 2.0 as Apple's authorize page speaks it over postMessage (docs/protocol.md, "JSON-RPC over postMessage"). */

export const RPC_METHOD_NOT_FOUND = -32601;
export const RPC_INVALID_PARAMS = -32602;

export type RpcId = string | number;

export interface RpcRequest {
  jsonrpc: '2.0';
  id: RpcId;
  method: string;
  params?: unknown[];
}

export type RpcReply =
  { jsonrpc: '2.0'; id: RpcId; result: unknown } | { jsonrpc: '2.0'; id: RpcId; error: { code: number; message: string } };

const MAX_METHOD_LENGTH = 64;

const isPlainObject = (value: unknown): value is Record<string, unknown> => {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
};

const isRpcId = (id: unknown): id is RpcId =>
  (typeof id === 'string' && id.length <= MAX_METHOD_LENGTH) || (typeof id === 'number' && Number.isFinite(id));

/**
 * The request carried by a message's `data`, or undefined when it is not one: a plain object
 * (structured-clone, never a string) with `jsonrpc: '2.0'`, a string or finite-number `id`, a
 * short string `method` and, if present, array `params`. Reads own properties only, so
 * prototype-polluting shapes cannot smuggle fields in.
 */
export function parseRpcRequest(data: unknown): RpcRequest | undefined {
  if (!isPlainObject(data)) return undefined;
  const own = (key: string) => (Object.hasOwn(data, key) ? data[key] : undefined);
  const jsonrpc = own('jsonrpc');
  const id = own('id');
  const method = own('method');
  const params = own('params');
  if (jsonrpc !== '2.0' || !isRpcId(id)) return undefined;
  if (typeof method !== 'string' || method.length === 0 || method.length > MAX_METHOD_LENGTH) {
    return undefined;
  }
  if (params !== undefined && !Array.isArray(params)) return undefined;
  return { jsonrpc: '2.0', id, method, ...(params ? { params: [...params] } : {}) };
}

export const rpcResult = (id: RpcId, result: unknown): RpcReply => ({ jsonrpc: '2.0', id, result });

export const rpcError = (id: RpcId, code: number, message: string): RpcReply => ({
  jsonrpc: '2.0',
  id,
  error: { code, message },
});
