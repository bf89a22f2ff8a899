/*
 * am-elements for WordPress: keeps the sign-in providers of one page in step.
 *
 * Shortcodes outside [am_auth_provider] each get a provider of their own. All of them read
 * the same stored sign-in when the page loads, but a sign-in or sign-out made through one
 * provider is not seen by the others on the same page (storage events only reach other
 * tabs). This relays it, using the providers' public methods only: after a sign-in the
 * others call authorize(), which resolves from the stored token without a popup; after a
 * sign-out (or a token Apple rejected) they call unauthorize().
 */
(function () {
	'use strict';

	var SELECTOR = 'am-auth-provider[data-am-elements-wp]';
	var relaying = false;

	function isSignedIn(status) {
		return status === 'authorized' || status === 'restricted';
	}

	document.addEventListener('am-status-change', function (event) {
		var source = event.target;
		var detail = event.detail || {};
		if (relaying || !source || source.localName !== 'am-auth-provider' || !source.hasAttribute('data-am-elements-wp')) {
			return;
		}
		var signIn = detail.reason === 'authorized' && isSignedIn(detail.status);
		var signOut = (detail.reason === 'unauthorized' || detail.reason === 'user-token-rejected') && !isSignedIn(detail.status);
		// A memory-only sign-in cannot be shared; authorize() there would open a popup.
		if (!(signIn || signOut) || (signIn && source.getAttribute('storage') === 'memory')) {
			return;
		}
		relaying = true;
		try {
			Array.prototype.forEach.call(document.querySelectorAll(SELECTOR), function (provider) {
				if (provider === source || typeof provider.authorize !== 'function') {
					return;
				}
				if (signIn && !provider.isAuthorized) {
					provider.authorize().catch(function () {});
				} else if (signOut && provider.isAuthorized) {
					provider.unauthorize();
				}
			});
		} finally {
			relaying = false;
		}
	});
})();
