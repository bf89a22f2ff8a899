import { expect } from '@open-wc/testing';
import { parseRpcRequest, rpcError, rpcResult } from '../../src/core/json-rpc.js';

describe('JSON-RPC request validation', () => {
  it('accepts Apple’s request shape', () => {
    expect(parseRpcRequest({ jsonrpc: '2.0', id: 1, method: 'authorize', params: ['t', '0', 'c'] })).to.deep.equal({
      jsonrpc: '2.0',
      id: 1,
      method: 'authorize',
      params: ['t', '0', 'c'],
    });
    expect(parseRpcRequest({ jsonrpc: '2.0', id: 'x', method: 'thirdPartyInfo' })).to.deep.equal({
      jsonrpc: '2.0',
      id: 'x',
      method: 'thirdPartyInfo',
    });
  });

  const junk: [string, unknown][] = [
    ['a string (MusicKit sends objects)', JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'decline' })],
    ['null', null],
    ['a number', 42],
    ['an array', [{ jsonrpc: '2.0', id: 1, method: 'decline' }]],
    ['wrong version', { jsonrpc: '1.0', id: 1, method: 'decline' }],
    ['no id', { jsonrpc: '2.0', method: 'decline' }],
    ['object id', { jsonrpc: '2.0', id: {}, method: 'decline' }],
    ['NaN id', { jsonrpc: '2.0', id: NaN, method: 'decline' }],
    ['non-string method', { jsonrpc: '2.0', id: 1, method: 7 }],
    ['empty method', { jsonrpc: '2.0', id: 1, method: '' }],
    ['huge method', { jsonrpc: '2.0', id: 1, method: 'x'.repeat(10_000) }],
    ['object params', { jsonrpc: '2.0', id: 1, method: 'authorize', params: { 0: 't' } }],
    ['a Date', new Date()],
    [
      'a class instance',
      new (class {
        jsonrpc = '2.0';
        id = 1;
        method = 'decline';
      })(),
    ],
    ['inherited fields', Object.create({ jsonrpc: '2.0', id: 1, method: 'decline' })],
  ];
  for (const [name, data] of junk) {
    it(`rejects ${name}`, () => {
      expect(parseRpcRequest(data)).to.be.undefined;
    });
  }

  it('builds replies', () => {
    expect(rpcResult(3, 'x')).to.deep.equal({ jsonrpc: '2.0', id: 3, result: 'x' });
    expect(rpcError(3, -32601, 'Method not found')).to.deep.equal({
      jsonrpc: '2.0',
      id: 3,
      error: { code: -32601, message: 'Method not found' },
    });
  });
});
