import { Component, CUSTOM_ELEMENTS_SCHEMA, InjectionToken, inject, signal } from '@angular/core';
// Defines <am-auth-provider>, <am-authorize-button>, <am-unauthorize-button>, <am-library-list>.
import 'am-elements';
import type { AmAuthorizeDetail, AmEventDetails } from 'am-elements';

export interface ExampleConfig {
  authorizeUrl: string;
  apiUrl: string;
  logoutUrl: string;
  developerTokenUrl: string;
}
export const EXAMPLE_CONFIG = new InjectionToken<ExampleConfig>('example config');

/** Angular types `$event` of (am-…) bindings as `Event`: the detail's type comes from am-elements. */
const detailOf = <K extends keyof AmEventDetails>(_name: K, event: Event) => (event as CustomEvent<AmEventDetails[K]>).detail;

// CUSTOM_ELEMENTS_SCHEMA lets the template use the <am-…> tags. [developerTokenUrl] binds DOM
// properties; (am-authorize) listens for the am-authorize DOM event.
@Component({
  selector: 'app-root',
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `
    <am-auth-provider
      [developerTokenUrl]="config.developerTokenUrl"
      [authorizeUrl]="config.authorizeUrl"
      [apiUrl]="config.apiUrl"
      [logoutUrl]="config.logoutUrl"
      storage="session"
    >
      <main>
        <h1>am-elements in Angular</h1>
        <p data-testid="status">{{ status() }}</p>
        @if (problem()) {
          <p role="alert">{{ problem() }}</p>
        }
        <am-authorize-button
          id="connect"
          (am-authorize)="onAuthorize($event)"
          (am-error)="onError($event)"
          (am-cancel)="onCancel($event)"
        ></am-authorize-button>
        <am-unauthorize-button id="disconnect" (am-unauthorize)="onUnauthorize()"></am-unauthorize-button>
        <p data-testid="loaded">{{ loaded() }} albums loaded{{ selected() ? ' · selected: ' + selected() : '' }}</p>
        <am-library-list
          type="albums"
          [pageSize]="25"
          [limit]="50"
          (am-library-load)="onLoad($event)"
          (am-library-select)="onSelect($event)"
        ></am-library-list>
      </main>
    </am-auth-provider>
  `,
})
export class App {
  protected readonly config = inject(EXAMPLE_CONFIG);
  protected readonly account = signal<AmAuthorizeDetail | null>(null);
  protected readonly loaded = signal(0);
  protected readonly selected = signal<string | null>(null);
  protected readonly problem = signal<string | null>(null);

  protected status(): string {
    const account = this.account();
    return account ? `Signed in · storefront ${account.storefrontId}` : 'Signed out';
  }
  protected onAuthorize(event: Event): void {
    this.account.set(detailOf('am-authorize', event));
    this.problem.set(null);
  }
  protected onError(event: Event): void {
    this.problem.set(detailOf('am-error', event).message);
  }
  protected onCancel(event: Event): void {
    this.problem.set(`Cancelled (${detailOf('am-cancel', event).reason})`);
  }
  protected onUnauthorize(): void {
    this.account.set(null);
    this.loaded.set(0);
  }
  protected onLoad(event: Event): void {
    this.loaded.update((count) => count + detailOf('am-library-load', event).items.length);
  }
  protected onSelect(event: Event): void {
    const { item } = detailOf('am-library-select', event);
    this.selected.set(String(item.attributes?.['name'] ?? item.id));
  }
}
