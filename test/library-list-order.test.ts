// This file defines the elements itself: a list attached inside a provider that is not yet
// defined still gets the state once the provider upgrades (any definition order).
import { expect, waitUntil } from '@open-wc/testing';
import { fakeDeveloperToken } from './support/tokens.js';
import { emulatorOrigin, issueToken, resetEmulator } from './support/emulator.js';

describe('<am-library-list> defined before its provider', () => {
  it('loads once the provider is defined', async () => {
    localStorage.clear();
    await resetEmulator();
    localStorage.setItem('music.teamid1234.itre', '0');
    localStorage.setItem('music.teamid1234.media-user-token', await issueToken());
    await import('../src/am-library-list.js');
    const host = document.createElement('div');
    host.innerHTML = `<am-auth-provider developer-token="${fakeDeveloperToken()}" api-url="${await emulatorOrigin()}" logout-url=""><am-library-list type="artists"></am-library-list></am-auth-provider>`;
    document.body.append(host);
    const list = host.querySelector('am-library-list')!;
    await list.updateComplete;
    expect(customElements.get('am-auth-provider')).to.equal(undefined);
    expect(list.getAttribute('state')).to.equal('signed-out');

    await import('../src/am-auth-provider.js');
    await waitUntil(() => list.getAttribute('state') === 'list', 'the list after the provider upgraded', { timeout: 5000 });
    expect(list.items.length).to.be.above(0);
    host.remove();
    localStorage.clear();
  });
});
