// This file defines the elements itself, in awkward orders, so it must not import src/index.
import { expect } from '@open-wc/testing';
import { fakeDeveloperToken } from './support/tokens.js';

const innerButton = (el: Element) => el.shadowRoot!.querySelector('button')!;
const nextTask = () => new Promise((resolve) => setTimeout(resolve));

describe('definition and insertion order', () => {
  const warnings: unknown[][] = [];
  const originalWarn = console.warn;
  before(() => {
    // Test files share an origin, so another file's sign-in may still be in storage.
    localStorage.clear();
    console.warn = (...args: unknown[]) => warnings.push(args);
  });
  after(() => {
    console.warn = originalWarn;
  });

  it('a button defined and attached before its provider is defined gets the state later', async () => {
    const host = document.createElement('div');
    host.innerHTML = `<am-auth-provider developer-token="${fakeDeveloperToken()}"><am-authorize-button></am-authorize-button></am-auth-provider>`;
    document.body.append(host);
    await import('../src/am-authorize-button.js');
    const button = host.querySelector('am-authorize-button')!;
    await button.updateComplete;
    expect(innerButton(button).disabled).to.be.true;
    await nextTask();
    expect(warnings, 'no warning while an (undefined) provider is an ancestor').to.have.length(0);

    await import('../src/am-auth-provider.js');
    await nextTask();
    await button.updateComplete;
    expect(innerButton(button).disabled).to.be.false;
    expect(button.getAttribute('status')).to.equal('not-determined');
    host.remove();
  });

  it('a button without a provider warns and stays disabled, then works once wrapped', async () => {
    await import('../src/am-unauthorize-button.js');
    const button = document.createElement('am-authorize-button');
    document.body.append(button);
    await button.updateComplete;
    await nextTask();
    expect(innerButton(button).disabled).to.be.true;
    expect(warnings.map((args) => String(args[0]))).to.deep.equal([
      '<am-authorize-button> needs an <am-auth-provider> ancestor; it stays disabled until it has one.',
    ]);

    const provider = document.createElement('am-auth-provider');
    provider.setAttribute('developer-token', fakeDeveloperToken());
    document.body.append(provider);
    provider.append(button);
    await nextTask();
    await button.updateComplete;
    expect(innerButton(button).disabled).to.be.false;
    provider.remove();
  });

  it('a provider inside another element’s shadow root serves buttons slotted or nested there', async () => {
    const host = document.createElement('div');
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.innerHTML = `<am-auth-provider developer-token="${fakeDeveloperToken()}"><am-authorize-button></am-authorize-button></am-auth-provider>`;
    document.body.append(host);
    const button = shadow.querySelector('am-authorize-button')!;
    await nextTask();
    await button.updateComplete;
    expect(innerButton(button).disabled).to.be.false;
    host.remove();
  });

  it('the bundle can be loaded twice without throwing or warning', async () => {
    warnings.length = 0;
    const errors: unknown[] = [];
    const onError = (event: ErrorEvent) => errors.push(event.error);
    window.addEventListener('error', onError);
    // Two URLs are two module instances: the second tries to define every tag again.
    await import(/* @vite-ignore */ '/dist/am-elements.js?copy=1' as string);
    await import(/* @vite-ignore */ '/dist/am-elements.js?copy=2' as string);
    window.removeEventListener('error', onError);
    expect(errors).to.deep.equal([]);
    expect(customElements.get('am-library-list') ?? customElements.get('am-auth-provider')).to.exist;
    expect(warnings).to.have.length(0);
  });
});
