export interface paths {
    "/.well-known/oauth-authorization-server/{issuer_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** RFC 8414 §3.1 path-insertion form of the same document */
        get: operations["authorizationServerMetadataInserted"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/.well-known/openid-configuration/{issuer_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The same OpenID Connect document, at the path-insertion URL some relying parties use */
        get: operations["openIdConfigurationInserted"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List admin API keys (never the keys themselves) */
        get: operations["listAdminKeys"];
        put?: never;
        /** Create an admin API key, for all tenants or one; the key is shown only in this answer */
        post: operations["createAdminKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin-keys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get an admin API key (never the key itself) */
        get: operations["getAdminKey"];
        put?: never;
        post?: never;
        /** Revoke an admin API key; it stops working at once */
        delete: operations["revokeAdminKey"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/audit-events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Audit events of all tenants and of the admin keys, newest first */
        get: operations["listAuditEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/key-encryption-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What each key-encryption key seals (signing keys, client secrets, live protocol state), and which can be removed */
        get: operations["listKeyEncryptionKeys"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/key-encryption-keys/re-encrypt": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Re-encrypt every sealed value under the sealing key, in batches, while traffic flows (idempotent; run after making a new key first) */
        post: operations["reEncrypt"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/providers/discover": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Fetch and normalize OpenID Connect discovery metadata from an issuer.
         * @description Performs OpenID Connect Discovery 1.0 (then RFC 8414) against an issuer URL and returns the normalized result alongside reachability checks for the JWKS endpoint, and findings on the metadata and keys. A network call: cache results client-side. Private, loopback and link-local addresses are refused (a finding, no connection) unless PROVIDER_DISCOVERY_ALLOW_PRIVATE=true; at most 3 redirects; time and size are bounded.
         */
        post: operations["discoverProvider"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tenants": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List tenants, in issuer_id order */
        get: operations["listTenants"];
        put?: never;
        /** Create a tenant (an issuer) */
        post: operations["createTenant"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tenants/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Re-create a tenant from an export, with new keys and new client secrets (shown only in this answer) */
        post: operations["importTenant"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tenants/{issuer_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a tenant */
        get: operations["getTenant"];
        put?: never;
        post?: never;
        /** Delete a tenant and everything it owns */
        delete: operations["deleteTenant"];
        options?: never;
        head?: never;
        /** Update a tenant (partial) */
        patch: operations["updateTenant"];
        trace?: never;
    };
    "/v1/tenants/{issuer_id}/audit-events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A tenant's audit events: admin changes and sign-in security events, newest first */
        get: operations["listTenantAuditEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tenants/{issuer_id}/clients": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List clients, in client_id order */
        get: operations["listClients"];
        put?: never;
        /** Register a client (RFC 7591 metadata); the secret is shown only in this answer */
        post: operations["createClient"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tenants/{issuer_id}/clients/{client_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a client (never its secret) */
        get: operations["getClient"];
        put?: never;
        post?: never;
        /** Delete a client */
        delete: operations["deleteClient"];
        options?: never;
        head?: never;
        /** Update a client (partial; null removes a member) */
        patch: operations["updateClient"];
        trace?: never;
    };
    "/v1/tenants/{issuer_id}/clients/{client_id}/secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Rotate the client secret; the new one is shown only in this answer */
        post: operations["rotateClientSecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tenants/{issuer_id}/connections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List connections, in name order */
        get: operations["listConnections"];
        put?: never;
        /**
         * Add a connection: an upstream OpenID Provider the tenant’s users may sign in at
         * @description The issuer is discovered first (a network call, under the provider check’s address policy). Register the answer’s `redirect_uri` at the upstream. Audited as `connection.created`; the client secret is never returned.
         */
        post: operations["createConnection"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tenants/{issuer_id}/connections/{connection_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a connection (never its client secret) */
        get: operations["getConnection"];
        put?: never;
        post?: never;
        /**
         * Delete a connection, its email domains and its users’ links
         * @description Every user linked through it is signed out everywhere (sessions and grants end; audited as `user.signed_out`, reason `connection_deleted`). The users themselves stay. Audited as `connection.deleted`.
         */
        delete: operations["deleteConnection"];
        options?: never;
        head?: never;
        /**
         * Update a connection (partial; the name cannot change)
         * @description A new issuer is discovered first; a new `client_secret` replaces the old one. Audited as `connection.updated`.
         */
        patch: operations["updateConnection"];
        trace?: never;
    };
    "/v1/tenants/{issuer_id}/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Export a tenant: options, clients (no secrets) and users (no password hashes) */
        get: operations["exportTenant"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tenants/{issuer_id}/initial-access-tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List live initial access tokens, in id order (never the tokens themselves) */
        get: operations["listInitialAccessTokens"];
        put?: never;
        /** Issue an initial access token for dynamic client registration (RFC 7591 §3); the token is shown only in this answer */
        post: operations["createInitialAccessToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tenants/{issuer_id}/initial-access-tokens/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke an initial access token; it stops working at once */
        delete: operations["revokeInitialAccessToken"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tenants/{issuer_id}/keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the tenant's signing keys (public metadata only) */
        get: operations["listKeys"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tenants/{issuer_id}/keys/rotate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Rotate: next becomes active, active becomes retired, a new next is pre-published */
        post: operations["rotateKeys"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tenants/{issuer_id}/keys/{kid}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a retired key (tokens it signed stop verifying) */
        delete: operations["deleteKey"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tenants/{issuer_id}/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List live end-user sessions; filter by user_id */
        get: operations["listSessions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tenants/{issuer_id}/sessions/{session_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * End a session and revoke the grants (and tokens) made in it
         * @description Clients of the session that registered a backchannel_logout_uri are sent a logout token (OpenID Connect Back-Channel Logout 1.0) before the answer; one that cannot be reached within 2.5 s is logged, and the session stays ended.
         */
        delete: operations["deleteSession"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tenants/{issuer_id}/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List users, in user_id order; filter by email or username */
        get: operations["listUsers"];
        put?: never;
        /** Create a user; the password is hashed (argon2id) and never returned */
        post: operations["createUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tenants/{issuer_id}/users/{user_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a user */
        get: operations["getUser"];
        put?: never;
        post?: never;
        /** Delete a user, ending the user's sessions and revoking their grants and tokens */
        delete: operations["deleteUser"];
        options?: never;
        head?: never;
        /**
         * Update a user (partial); `password` sets a new one
         * @description A new `password` also ends all of the user's sessions and revokes their grants with every access token, refresh token and code issued under them, in the same transaction (audited as `user.signed_out`): refreshing fails with `invalid_grant`, userinfo with `invalid_token`, introspection says `active: false`, and the browser must sign in again. Other changes leave sessions alone.
         */
        patch: operations["updateUser"];
        trace?: never;
    };
    "/v1/tenants/{issuer_id}/users/{user_id}/factors": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List a user's sign-in factors besides the password (passkeys, security keys, authenticator apps, recovery codes)
         * @description Secrets, public keys and codes are never returned. Users enroll factors themselves, on the sign-in pages.
         */
        get: operations["listUserFactors"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tenants/{issuer_id}/users/{user_id}/factors/reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Remove all of a user's factors besides the password (a reset, for a lost device)
         * @description Audited as `user.factors_reset`. The user next signs in with the password alone, and enrolls again where the tenant requires a second factor. Sessions are left alone: change the password (PATCH the user) to end them too.
         */
        post: operations["resetUserFactors"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tenants/{issuer_id}/users/{user_id}/factors/{factor_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Remove one factor of a user
         * @description Audited as `user.factor_removed`.
         */
        delete: operations["deleteUserFactor"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tenants/{issuer_id}/users/{user_id}/links": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List a user's links to upstream identities (one per connection the user signed in through) */
        get: operations["listUserLinks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tenants/{issuer_id}/users/{user_id}/links/{link_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Remove a user's link to an upstream identity
         * @description The upstream identity no longer signs in as this user; its next sign-in links afresh where the tenant allows it. Sessions are left alone. Audited as `user.link_removed`.
         */
        delete: operations["deleteUserLink"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/{issuer_id}/.well-known/jwks.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The same key set at the well-known URL */
        get: operations["getJwks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/{issuer_id}/.well-known/oauth-authorization-server": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** RFC 8414 authorization server metadata of the issuer */
        get: operations["authorizationServerMetadata"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/{issuer_id}/.well-known/openid-configuration": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** OpenID Connect Discovery 1.0 document of the issuer */
        get: operations["getDiscovery"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/{issuer_id}/authorize": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Authorization endpoint
         * @description Authenticates the user (sign-in and consent pages when needed) and sends the browser back to redirect_uri with the response of the response type: a code, tokens, or both (all six response types of OpenID Connect). PKCE (S256 only) is required of public clients, and of confidential ones registered with require_pkce or at a tenant with require_pkce_for_all_clients. Portcullis redirects with 303 (seed 001 names 302).
         */
        get: operations["authorize"];
        put?: never;
        /**
         * Authorization endpoint (form post)
         * @description Authenticates the user (sign-in and consent pages when needed) and sends the browser back to redirect_uri with the response of the response type: a code, tokens, or both (all six response types of OpenID Connect). PKCE (S256 only) is required of public clients, and of confidential ones registered with require_pkce or at a tenant with require_pkce_for_all_clients. Portcullis redirects with 303 (seed 001 names 302). The same request as a form (OpenID Connect Core §3.1.2.1), answered in place when the browser marks it as from this site (Sec-Fetch-Site same-origin or same-site), else sent (303) to the same request by GET.
         */
        post: operations["postAuthorize"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/{issuer_id}/device_authorization": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Device authorization (RFC 8628)
         * @description A device without a browser asks for codes: it shows user_code and verification_uri to the user, who approves on another device, while it polls the token endpoint with device_code (grant_type urn:ietf:params:oauth:grant-type:device_code).
         */
        post: operations["requestDeviceAuthorization"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/{issuer_id}/end-session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * End session endpoint
         * @description RP-initiated logout (OpenID Connect RP-Initiated Logout 1.0). Portcullis answers with a page rather than a redirect (seed 001 names 302): it asks the user to confirm, and its form completes the sign-out at end-session/confirm, which sends the browser (303) to post_logout_redirect_uri with state, or to a "Signed out" page.
         */
        get: operations["endSession"];
        put?: never;
        /**
         * End session endpoint (form post)
         * @description RP-initiated logout (OpenID Connect RP-Initiated Logout 1.0). Portcullis answers with a page rather than a redirect (seed 001 names 302): it asks the user to confirm, and its form completes the sign-out at end-session/confirm, which sends the browser (303) to post_logout_redirect_uri with state, or to a "Signed out" page. The same request as a form, answered in place when the browser marks it as from this site (Sec-Fetch-Site same-origin or same-site), else sent (303) to the same request by GET.
         */
        post: operations["postEndSession"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/{issuer_id}/introspect": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Token introspection (RFC 7662)
         * @description Whether a token is active, and what it grants. A client may introspect its own tokens, and another client its access tokens only as a resource server of their audience (client metadata resource_server_audiences); anything else is `{"active": false}`, like an unknown token.
         */
        post: operations["introspectToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/{issuer_id}/jwks.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The issuer's public signing keys (the jwks_uri) */
        get: operations["jwks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/{issuer_id}/par": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Pushed authorization request (RFC 9126)
         * @description The client pushes its authorization request, authenticated, and sends the browser to the authorization endpoint with only client_id and the request_uri it gets back.
         */
        post: operations["pushAuthorizationRequest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/{issuer_id}/register": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Dynamic client registration (RFC 7591, OpenID Connect Registration 1.0)
         * @description A client registers itself with its metadata, judged as the admin API judges it. At an issuer whose `registration` is `initial_access_token`, with an initial access token issued through the admin API; at one whose `registration` is `open`, without. An issuer whose `registration` option is `off` has no such endpoint (404, like an unknown issuer).
         */
        post: operations["registerClient"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/{issuer_id}/register/{client_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read a client registration (RFC 7592 §2.1)
         * @description The client reads its registration with its registration access token. An issuer whose `registration` option is `off` has no such endpoint (404, like an unknown issuer).
         */
        get: operations["getClientRegistration"];
        /**
         * Replace a client registration (RFC 7592 §2.2)
         * @description The client replaces its whole registration; the answer carries a new registration access token. An issuer whose `registration` option is `off` has no such endpoint (404, like an unknown issuer).
         */
        put: operations["updateClientRegistration"];
        post?: never;
        /**
         * Delete a client registration (RFC 7592 §2.3)
         * @description The client deletes itself; its registration access tokens go with it. An issuer whose `registration` option is `off` has no such endpoint (404, like an unknown issuer).
         */
        delete: operations["deleteClientRegistration"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/{issuer_id}/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Token revocation (RFC 7009)
         * @description Revokes an access or refresh token of the calling client; a refresh token's whole grant goes with it.
         */
        post: operations["revokeToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/{issuer_id}/token": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Token endpoint
         * @description Exchanges an authorization code, a refresh token, the client credentials or a device code for tokens. Each grant only for a client registered for it, at a tenant that allows it. (A POST, despite seed 001's operationId.)
         */
        post: operations["getToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/{issuer_id}/userinfo": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * UserInfo endpoint
         * @description Claims about the user the access token (from an OpenID Connect sign-in) was issued for; the scopes granted choose which.
         */
        get: operations["getUserInfo"];
        put?: never;
        /**
         * UserInfo endpoint (POST)
         * @description The same as GET; the access token in the Authorization header or in the form body.
         */
        post: operations["postUserInfo"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        AddressDto: {
            /** @example US */
            country?: string;
            /**
             * @example 1 Main St
             *     Springfield
             */
            formatted?: string;
            /** @example Springfield */
            locality?: string;
            /** @example 62701 */
            postal_code?: string;
            /** @example IL */
            region?: string;
            /** @example 1 Main St */
            street_address?: string;
        };
        AdminErrorDto: {
            /** @description Every failing field (422 only). */
            details?: components["schemas"]["FieldProblemDto"][];
            /**
             * @description Stable machine-readable code.
             * @example validation_failed
             */
            error: string;
            /**
             * @description Human-readable explanation.
             * @example The request has invalid fields; see details.
             */
            message: string;
            /** @description Request id to quote to an operator (5xx only). */
            request_id?: string;
        };
        AdminKeyDto: {
            /**
             * Format: date-time
             * @example 2026-11-29T10:00:00.000Z
             */
            created_at: string;
            /**
             * Format: uuid
             * @example 9b2f1c4e-3a7d-4e8b-b5c6-0d1e2f3a4b5c
             */
            id: string;
            /**
             * @description The one tenant it manages; null for all.
             * @example acme
             */
            issuer_id: string | null;
            /**
             * @description The first characters of the key, to recognise it.
             * @example pck_Hq3v
             */
            key_prefix: string;
            /** @example acme-ci */
            name: string;
        };
        AdminKeyPageDto: {
            items: components["schemas"]["AdminKeyDto"][];
            /**
             * @description Cursor of the next page; null on the last page.
             * @example eyJrIjoiYWNtZSJ9
             */
            next_cursor: string | null;
        };
        AdminKeyWithSecretDto: {
            /**
             * Format: date-time
             * @example 2026-11-29T10:00:00.000Z
             */
            created_at: string;
            /**
             * Format: uuid
             * @example 9b2f1c4e-3a7d-4e8b-b5c6-0d1e2f3a4b5c
             */
            id: string;
            /**
             * @description The one tenant it manages; null for all.
             * @example acme
             */
            issuer_id: string | null;
            /**
             * @description The key. Shown only in this answer; only its hash is stored.
             * @example pck_Hq3vN1n7kq0f0h8mXo3YwzQ6c5m2bT9rLqf1sJk2aPw
             */
            key: string;
            /**
             * @description The first characters of the key, to recognise it.
             * @example pck_Hq3v
             */
            key_prefix: string;
            /** @example acme-ci */
            name: string;
        };
        AuditEventDto: {
            /**
             * @description `{resource}.{verb}`.
             * @example client.updated
             */
            action: string;
            /**
             * @description Admin key id (`root` for ADMIN_API_KEY), user id, client id, or a system task.
             * @example root
             */
            actor_id: string;
            /** @example ADMIN_API_KEY */
            actor_name: string | null;
            /**
             * @example admin_key
             * @enum {string}
             */
            actor_type: "admin_key" | "system" | "end_user" | "client";
            /**
             * @description The resource after the change, without secrets.
             * @example {
             *       "display_name": "Acme Corp"
             *     }
             */
            after: {
                [key: string]: unknown;
            } | null;
            /**
             * @description The resource before the change, without secrets.
             * @example {
             *       "display_name": "Acme"
             *     }
             */
            before: {
                [key: string]: unknown;
            } | null;
            /**
             * Format: uuid
             * @example 9b2f1c4e-3a7d-4e8b-b5c6-0d1e2f3a4b5c
             */
            id: string;
            /** @example 203.0.113.7 */
            ip: string | null;
            /**
             * @description The tenant concerned; null for events above tenants (admin keys).
             * @example acme
             */
            issuer_id: string | null;
            /**
             * Format: date-time
             * @example 2026-11-29T10:00:00.000Z
             */
            occurred_at: string;
            /**
             * @description X-Request-Id of the request that made the change.
             * @example 4f6c1d2e-8a9b-4c3d-a1e2-f3a4b5c6d7e8
             */
            request_id: string | null;
            /** @example portal */
            resource_id: string;
            /** @example client */
            resource_type: string;
        };
        AuditEventPageDto: {
            /** @description Newest first. */
            items: components["schemas"]["AuditEventDto"][];
            /**
             * @description Cursor of the next page; null on the last page.
             * @example eyJrIjoiYWNtZSJ9
             */
            next_cursor: string | null;
        };
        AuthorizationErrorResponse: {
            /**
             * @description RFC 6749 §4.1.2.1 and OpenID Connect Core §3.1.2.6 codes: invalid_request, unauthorized_client, access_denied, unsupported_response_type, invalid_scope, login_required, consent_required, interaction_required, …
             * @example login_required
             */
            error: string;
            error_description?: string;
            /**
             * Format: uri
             * @description The issuer (RFC 9207).
             */
            iss?: string;
            /** @description The state of the request, unchanged. */
            state?: string;
        };
        AuthorizationRequest: {
            /**
             * @description Requested authentication context classes, space-delimited.
             * @example urn:portcullis:acr:password
             */
            acr_values?: string;
            /** @description OpenID Connect Core §5.5: the claims wanted in the ID token and at userinfo, as JSON. */
            claims?: string;
            /**
             * @description The client identifier issued at registration.
             * @example s6BhdRkqt3
             */
            client_id: string;
            /** @description PKCE (RFC 7636): the base64url SHA-256 of the code verifier. Required of public clients, and of confidential ones registered with require_pkce or at a tenant with require_pkce_for_all_clients; a code issued with it is redeemed only with its verifier. */
            code_challenge?: string;
            /**
             * @description Only S256: seed 001's 'plain' is refused (RFC 9700 §2.1.1).
             * @enum {string}
             */
            code_challenge_method?: "S256";
            /** @description RFC 9449 §10: thumbprint of the DPoP key the code is bound to. */
            dpop_jkt?: string;
            /** @description An ID token the issuer gave earlier, naming the user expected. */
            id_token_hint?: string;
            /** @description A hint of the user (her username), pre-filled on the sign-in page. */
            login_hint?: string;
            /** @description Seconds since the user last signed in beyond which she signs in again. */
            max_age?: number;
            /** @description Bound into the ID token; required by the implicit and hybrid flows. */
            nonce?: string;
            /**
             * @description Space-delimited: 'none' (no page: login_required or consent_required instead), 'login', 'consent'. Seed 001's select_account is not offered.
             * @example login
             */
            prompt?: string;
            /**
             * Format: uri
             * @description Required (outside request_uri or request). Exactly one of the redirect URIs the client registered.
             * @example https://rp.example.com/cb
             */
            redirect_uri?: string;
            /** @description A request object (RFC 9101): the parameters as a JWT, signed or not. */
            request?: string;
            /**
             * @description A request pushed to the PAR endpoint (RFC 9126); other parameters then come from it.
             * @example urn:ietf:params:oauth:request_uri:08zqvtj1hcnEpsCSFYOH-eZceO3WYNCR_BY9MqslK1V
             */
            request_uri?: string;
            /**
             * Format: uri
             * @description RFC 8707 resource indicator: the API the access token is for.
             */
            resource?: string;
            /**
             * @description How the response reaches redirect_uri; the default is 'query' for 'code', 'fragment' otherwise.
             * @enum {string}
             */
            response_mode?: "query" | "fragment" | "form_post";
            /**
             * @description Required (outside request_uri or request). 'code' for the authorization code flow, 'id_token' and 'id_token token' for the implicit flow, 'code id_token', 'code token' and 'code id_token token' for the hybrid flow; all but 'code' need a client (and tenant) with the implicit grant.
             * @enum {string}
             */
            response_type?: "code" | "id_token" | "id_token token" | "code id_token" | "code token" | "code id_token token";
            /**
             * @description Required (outside request_uri or request). Space-delimited scopes; 'openid' for an OpenID Connect request, then profile, email, address, phone, offline_access.
             * @example openid profile email
             */
            scope?: string;
            /** @description Returned unchanged with the response; recommended against CSRF. */
            state?: string;
            /** @description Preferred languages of the pages, space-delimited BCP 47 tags. */
            ui_locales?: string;
        };
        AuthorizationResponse: {
            /** @description Response types with 'token'. */
            access_token?: string;
            /** @description Response types with 'code'. */
            code?: string;
            /**
             * @description With access_token: its lifetime in seconds.
             * @example 3600
             */
            expires_in?: string;
            /** @description Response types with 'id_token'. */
            id_token?: string;
            /**
             * Format: uri
             * @description The issuer (RFC 9207), in responses that carry no ID token; clients check it against the issuer they sent the user to.
             */
            iss?: string;
            /** @description With access_token: the scopes granted. */
            scope?: string;
            /** @description The state of the request, unchanged. */
            state?: string;
            /**
             * @description With access_token.
             * @enum {string}
             */
            token_type?: "Bearer";
        };
        BearerTokenError: {
            /** @enum {string} */
            error: "invalid_request" | "invalid_token" | "insufficient_scope";
            /** @example invalid token provided */
            error_description?: string;
            /**
             * @description insufficient_scope: the scope the token lacks.
             * @example openid
             */
            scope?: string;
        };
        ClientDto: {
            /**
             * @description Portcullis extension: format of access tokens issued to this client without a `resource` (with one they are RFC 9068 JWTs).
             * @default opaque
             * @example opaque
             * @enum {string}
             */
            access_token_format?: "opaque" | "jwt";
            /**
             * @description Portcullis extension: the resource indicators (RFC 8707) this client may ask access tokens for; tokens for them are RFC 9068 JWTs with that audience.
             * @example [
             *       "https://api.example.com"
             *     ]
             */
            allowed_resources?: string[];
            /**
             * @default web
             * @example web
             * @enum {string}
             */
            application_type?: "web" | "native";
            /**
             * @description With a backchannel_logout_uri: whether logout tokens, and then ID tokens, carry the session id `sid`. Default: false.
             * @default false
             * @example true
             */
            backchannel_logout_session_required?: boolean;
            /**
             * @description OpenID Connect Back-Channel Logout 1.0: where the issuer POSTs a logout token when a session this client took part in ends (RP-initiated logout, or an admin ending the session). An absolute http(s) URI without a fragment; https in production; not on a loopback or private address unless CLIENT_URIS_ALLOW_PRIVATE.
             * @example https://app.example.com/backchannel-logout
             */
            backchannel_logout_uri?: string;
            /** @example q3Zp0fW8bq3Yt1xQk0yq1wQF */
            client_id: string;
            /**
             * @description RFC 7591: when the client_id was issued, in seconds since the epoch.
             * @example 1795449600
             */
            client_id_issued_at: number;
            /** @example Billing service */
            client_name?: string;
            /** @example https://app.example.com */
            client_uri?: string;
            /**
             * @example [
             *       "ops@example.com"
             *     ]
             */
            contacts?: string[];
            /**
             * Format: date-time
             * @example 2026-11-29T10:00:00.000Z
             */
            created_at: string;
            /**
             * @example [
             *       "urn:portcullis:acr:mfa"
             *     ]
             */
            default_acr_values?: ("urn:portcullis:acr:password" | "urn:portcullis:acr:mfa" | "phr")[];
            /** @example 3600 */
            default_max_age?: number;
            /** @example false */
            dpop_bound_access_tokens?: boolean;
            /**
             * @description Default: authorization_code.
             * @example [
             *       "client_credentials"
             *     ]
             */
            grant_types?: ("authorization_code" | "implicit" | "refresh_token" | "client_credentials" | "urn:ietf:params:oauth:grant-type:device_code")[];
            /**
             * @description Default: the tenant's signing_alg.
             * @example RS256
             */
            id_token_signed_response_alg?: string;
            /**
             * @description OpenID Connect Registration: where a third party starts a sign-in (https).
             * @example https://app.example.com/login
             */
            initiate_login_uri?: string;
            /**
             * @description The client's public keys (private_key_jwt), as a JWK Set.
             * @example {
             *       "keys": []
             *     }
             */
            jwks?: Record<string, never>;
            /** @example https://app.example.com/jwks.json */
            jwks_uri?: string;
            /** @example https://app.example.com/logo.png */
            logo_uri?: string;
            /**
             * @description Portcullis extension: the weakest sign-in this client accepts. A user signing in below it presents another factor (or enrolls one); one who cannot gets `unmet_authentication_requirements`, and a session below it steps up. Levels, weakest first: `urn:portcullis:acr:password` (a password), `urn:portcullis:acr:mfa` (two factors), `phr` (a passkey or security key).
             * @example urn:portcullis:acr:mfa
             * @enum {string}
             */
            minimum_acr?: "urn:portcullis:acr:password" | "urn:portcullis:acr:mfa" | "phr";
            /** @example https://app.example.com/privacy */
            policy_uri?: string;
            /**
             * @example [
             *       "https://app.example.com/"
             *     ]
             */
            post_logout_redirect_uris?: string[];
            /**
             * @example [
             *       "https://app.example.com/callback"
             *     ]
             */
            redirect_uris?: string[];
            /**
             * @description The algorithm the client signs request objects with.
             * @example RS256
             */
            request_object_signing_alg?: string;
            /** @example false */
            require_auth_time?: boolean;
            /**
             * @description Portcullis extension: require PKCE (S256) on this confidential client's authorization requests (RFC 9700 §2.1.1). Public clients (token_endpoint_auth_method none) always need PKCE, and so does every client of a tenant with require_pkce_for_all_clients.
             * @default false
             * @example true
             */
            require_pkce?: boolean;
            /** @example false */
            require_pushed_authorization_requests?: boolean;
            /** @example false */
            require_signed_request_object?: boolean;
            /**
             * @description Portcullis extension: the audiences this client serves as a resource server. It may introspect access tokens issued to other clients for one of them (an opaque access token requested without a `resource` has the issuer as its audience); without this, a client introspects only tokens issued to itself. Not for public clients.
             * @example [
             *       "https://api.example.com"
             *     ]
             */
            resource_server_audiences?: string[];
            /**
             * @description Default: code (none for a client_credentials-only client).
             * @example [
             *       "code"
             *     ]
             */
            response_types?: string[];
            /**
             * @description Space-separated scopes the client may ask for.
             * @example openid profile email
             */
            scope?: string;
            /**
             * @description OpenID Connect Registration: an https JSON array listing every redirect URI, fetched and checked when the metadata is written.
             * @example https://app.example.com/redirect_uris.json
             */
            sector_identifier_uri?: string;
            /**
             * @description Only public subject identifiers are offered.
             * @example public
             * @enum {string}
             */
            subject_type?: "public";
            /**
             * @description Default: client_secret_basic.
             * @example client_secret_basic
             * @enum {string}
             */
            token_endpoint_auth_method?: "client_secret_basic" | "client_secret_post" | "client_secret_jwt" | "private_key_jwt" | "none";
            /**
             * @description For client_secret_jwt / private_key_jwt.
             * @example HS256
             */
            token_endpoint_auth_signing_alg?: string;
            /** @example https://app.example.com/terms */
            tos_uri?: string;
            /**
             * Format: date-time
             * @example 2026-11-29T10:00:00.000Z
             */
            updated_at: string;
            /**
             * @description Signed userinfo responses (JWT) with this algorithm.
             * @example RS256
             */
            userinfo_signed_response_alg?: string;
        };
        ClientMetadataDto: {
            /**
             * @description Portcullis extension: format of access tokens issued to this client without a `resource` (with one they are RFC 9068 JWTs).
             * @default opaque
             * @example opaque
             * @enum {string}
             */
            access_token_format?: "opaque" | "jwt";
            /**
             * @description Portcullis extension: the resource indicators (RFC 8707) this client may ask access tokens for; tokens for them are RFC 9068 JWTs with that audience.
             * @example [
             *       "https://api.example.com"
             *     ]
             */
            allowed_resources?: string[];
            /**
             * @default web
             * @example web
             * @enum {string}
             */
            application_type?: "web" | "native";
            /**
             * @description With a backchannel_logout_uri: whether logout tokens, and then ID tokens, carry the session id `sid`. Default: false.
             * @default false
             * @example true
             */
            backchannel_logout_session_required?: boolean;
            /**
             * @description OpenID Connect Back-Channel Logout 1.0: where the issuer POSTs a logout token when a session this client took part in ends (RP-initiated logout, or an admin ending the session). An absolute http(s) URI without a fragment; https in production; not on a loopback or private address unless CLIENT_URIS_ALLOW_PRIVATE.
             * @example https://app.example.com/backchannel-logout
             */
            backchannel_logout_uri?: string;
            /** @example Billing service */
            client_name?: string;
            /** @example https://app.example.com */
            client_uri?: string;
            /**
             * @example [
             *       "ops@example.com"
             *     ]
             */
            contacts?: string[];
            /**
             * @example [
             *       "urn:portcullis:acr:mfa"
             *     ]
             */
            default_acr_values?: ("urn:portcullis:acr:password" | "urn:portcullis:acr:mfa" | "phr")[];
            /** @example 3600 */
            default_max_age?: number;
            /** @example false */
            dpop_bound_access_tokens?: boolean;
            /**
             * @description Default: authorization_code.
             * @example [
             *       "client_credentials"
             *     ]
             */
            grant_types?: ("authorization_code" | "implicit" | "refresh_token" | "client_credentials" | "urn:ietf:params:oauth:grant-type:device_code")[];
            /**
             * @description Default: the tenant's signing_alg.
             * @example RS256
             */
            id_token_signed_response_alg?: string;
            /**
             * @description OpenID Connect Registration: where a third party starts a sign-in (https).
             * @example https://app.example.com/login
             */
            initiate_login_uri?: string;
            /**
             * @description The client's public keys (private_key_jwt), as a JWK Set.
             * @example {
             *       "keys": []
             *     }
             */
            jwks?: Record<string, never>;
            /** @example https://app.example.com/jwks.json */
            jwks_uri?: string;
            /** @example https://app.example.com/logo.png */
            logo_uri?: string;
            /**
             * @description Portcullis extension: the weakest sign-in this client accepts. A user signing in below it presents another factor (or enrolls one); one who cannot gets `unmet_authentication_requirements`, and a session below it steps up. Levels, weakest first: `urn:portcullis:acr:password` (a password), `urn:portcullis:acr:mfa` (two factors), `phr` (a passkey or security key).
             * @example urn:portcullis:acr:mfa
             * @enum {string}
             */
            minimum_acr?: "urn:portcullis:acr:password" | "urn:portcullis:acr:mfa" | "phr";
            /** @example https://app.example.com/privacy */
            policy_uri?: string;
            /**
             * @example [
             *       "https://app.example.com/"
             *     ]
             */
            post_logout_redirect_uris?: string[];
            /**
             * @example [
             *       "https://app.example.com/callback"
             *     ]
             */
            redirect_uris?: string[];
            /**
             * @description The algorithm the client signs request objects with.
             * @example RS256
             */
            request_object_signing_alg?: string;
            /** @example false */
            require_auth_time?: boolean;
            /**
             * @description Portcullis extension: require PKCE (S256) on this confidential client's authorization requests (RFC 9700 §2.1.1). Public clients (token_endpoint_auth_method none) always need PKCE, and so does every client of a tenant with require_pkce_for_all_clients.
             * @default false
             * @example true
             */
            require_pkce?: boolean;
            /** @example false */
            require_pushed_authorization_requests?: boolean;
            /** @example false */
            require_signed_request_object?: boolean;
            /**
             * @description Portcullis extension: the audiences this client serves as a resource server. It may introspect access tokens issued to other clients for one of them (an opaque access token requested without a `resource` has the issuer as its audience); without this, a client introspects only tokens issued to itself. Not for public clients.
             * @example [
             *       "https://api.example.com"
             *     ]
             */
            resource_server_audiences?: string[];
            /**
             * @description Default: code (none for a client_credentials-only client).
             * @example [
             *       "code"
             *     ]
             */
            response_types?: string[];
            /**
             * @description Space-separated scopes the client may ask for.
             * @example openid profile email
             */
            scope?: string;
            /**
             * @description OpenID Connect Registration: an https JSON array listing every redirect URI, fetched and checked when the metadata is written.
             * @example https://app.example.com/redirect_uris.json
             */
            sector_identifier_uri?: string;
            /**
             * @description Only public subject identifiers are offered.
             * @example public
             * @enum {string}
             */
            subject_type?: "public";
            /**
             * @description Default: client_secret_basic.
             * @example client_secret_basic
             * @enum {string}
             */
            token_endpoint_auth_method?: "client_secret_basic" | "client_secret_post" | "client_secret_jwt" | "private_key_jwt" | "none";
            /**
             * @description For client_secret_jwt / private_key_jwt.
             * @example HS256
             */
            token_endpoint_auth_signing_alg?: string;
            /** @example https://app.example.com/terms */
            tos_uri?: string;
            /**
             * @description Signed userinfo responses (JWT) with this algorithm.
             * @example RS256
             */
            userinfo_signed_response_alg?: string;
        };
        ClientPageDto: {
            items: components["schemas"]["ClientDto"][];
            /**
             * @description Cursor of the next page; null on the last page.
             * @example eyJrIjoiYWNtZSJ9
             */
            next_cursor: string | null;
        };
        ClientRegistration: {
            /**
             * @description Portcullis extension: format of access tokens issued to this client without a `resource` (with one they are RFC 9068 JWTs).
             * @default opaque
             * @example opaque
             * @enum {string}
             */
            access_token_format?: "opaque" | "jwt";
            /**
             * @description Portcullis extension: the resource indicators (RFC 8707) this client may ask access tokens for; tokens for them are RFC 9068 JWTs with that audience.
             * @example [
             *       "https://api.example.com"
             *     ]
             */
            allowed_resources?: string[];
            /**
             * @default web
             * @example web
             * @enum {string}
             */
            application_type?: "web" | "native";
            /**
             * @description With a backchannel_logout_uri: whether logout tokens, and then ID tokens, carry the session id `sid`. Default: false.
             * @default false
             * @example true
             */
            backchannel_logout_session_required?: boolean;
            /**
             * @description OpenID Connect Back-Channel Logout 1.0: where the issuer POSTs a logout token when a session this client took part in ends (RP-initiated logout, or an admin ending the session). An absolute http(s) URI without a fragment; https in production; not on a loopback or private address unless CLIENT_URIS_ALLOW_PRIVATE.
             * @example https://app.example.com/backchannel-logout
             */
            backchannel_logout_uri?: string;
            /** @example q3Zp0fW8bq3Yt1xQk0yq1wQF */
            client_id: string;
            /**
             * @description When the client_id was issued, in seconds since the epoch.
             * @example 1796181048
             */
            client_id_issued_at: number;
            /** @example Billing service */
            client_name?: string;
            /** @description For a client that authenticates with a secret (client_secret_basic, client_secret_post, client_secret_jwt). */
            client_secret?: string;
            /**
             * @description 0: the secret does not expire.
             * @example 0
             */
            client_secret_expires_at?: number;
            /** @example https://app.example.com */
            client_uri?: string;
            /**
             * @example [
             *       "ops@example.com"
             *     ]
             */
            contacts?: string[];
            /**
             * @example [
             *       "urn:portcullis:acr:mfa"
             *     ]
             */
            default_acr_values?: ("urn:portcullis:acr:password" | "urn:portcullis:acr:mfa" | "phr")[];
            /** @example 3600 */
            default_max_age?: number;
            /** @example false */
            dpop_bound_access_tokens?: boolean;
            /**
             * @description Default: authorization_code.
             * @example [
             *       "client_credentials"
             *     ]
             */
            grant_types?: ("authorization_code" | "implicit" | "refresh_token" | "client_credentials" | "urn:ietf:params:oauth:grant-type:device_code")[];
            /**
             * @description Default: the tenant's signing_alg.
             * @example RS256
             */
            id_token_signed_response_alg?: string;
            /**
             * @description OpenID Connect Registration: where a third party starts a sign-in (https).
             * @example https://app.example.com/login
             */
            initiate_login_uri?: string;
            /**
             * @description The client's public keys (private_key_jwt), as a JWK Set.
             * @example {
             *       "keys": []
             *     }
             */
            jwks?: Record<string, never>;
            /** @example https://app.example.com/jwks.json */
            jwks_uri?: string;
            /** @example https://app.example.com/logo.png */
            logo_uri?: string;
            /**
             * @description Portcullis extension: the weakest sign-in this client accepts. A user signing in below it presents another factor (or enrolls one); one who cannot gets `unmet_authentication_requirements`, and a session below it steps up. Levels, weakest first: `urn:portcullis:acr:password` (a password), `urn:portcullis:acr:mfa` (two factors), `phr` (a passkey or security key).
             * @example urn:portcullis:acr:mfa
             * @enum {string}
             */
            minimum_acr?: "urn:portcullis:acr:password" | "urn:portcullis:acr:mfa" | "phr";
            /** @example https://app.example.com/privacy */
            policy_uri?: string;
            /**
             * @example [
             *       "https://app.example.com/"
             *     ]
             */
            post_logout_redirect_uris?: string[];
            /**
             * @example [
             *       "https://app.example.com/callback"
             *     ]
             */
            redirect_uris?: string[];
            /** @description The bearer token for this client URL (RFC 7592); a new one after each update, which the old one no longer works for. */
            registration_access_token: string;
            /**
             * Format: uri
             * @example https://id.example.com/acme/register/q3Zp0fW8bq3Yt1xQk0yq1wQF
             */
            registration_client_uri: string;
            /**
             * @description The algorithm the client signs request objects with.
             * @example RS256
             */
            request_object_signing_alg?: string;
            /** @example false */
            require_auth_time?: boolean;
            /**
             * @description Portcullis extension: require PKCE (S256) on this confidential client's authorization requests (RFC 9700 §2.1.1). Public clients (token_endpoint_auth_method none) always need PKCE, and so does every client of a tenant with require_pkce_for_all_clients.
             * @default false
             * @example true
             */
            require_pkce?: boolean;
            /** @example false */
            require_pushed_authorization_requests?: boolean;
            /** @example false */
            require_signed_request_object?: boolean;
            /**
             * @description Portcullis extension: the audiences this client serves as a resource server. It may introspect access tokens issued to other clients for one of them (an opaque access token requested without a `resource` has the issuer as its audience); without this, a client introspects only tokens issued to itself. Not for public clients.
             * @example [
             *       "https://api.example.com"
             *     ]
             */
            resource_server_audiences?: string[];
            /**
             * @description Default: code (none for a client_credentials-only client).
             * @example [
             *       "code"
             *     ]
             */
            response_types?: string[];
            /**
             * @description Space-separated scopes the client may ask for.
             * @example openid profile email
             */
            scope?: string;
            /**
             * @description OpenID Connect Registration: an https JSON array listing every redirect URI, fetched and checked when the metadata is written.
             * @example https://app.example.com/redirect_uris.json
             */
            sector_identifier_uri?: string;
            /**
             * @description Only public subject identifiers are offered.
             * @example public
             * @enum {string}
             */
            subject_type?: "public";
            /**
             * @description Default: client_secret_basic.
             * @example client_secret_basic
             * @enum {string}
             */
            token_endpoint_auth_method?: "client_secret_basic" | "client_secret_post" | "client_secret_jwt" | "private_key_jwt" | "none";
            /**
             * @description For client_secret_jwt / private_key_jwt.
             * @example HS256
             */
            token_endpoint_auth_signing_alg?: string;
            /** @example https://app.example.com/terms */
            tos_uri?: string;
            /**
             * @description Signed userinfo responses (JWT) with this algorithm.
             * @example RS256
             */
            userinfo_signed_response_alg?: string;
        };
        ClientRegistrationUpdate: {
            /**
             * @description Portcullis extension: format of access tokens issued to this client without a `resource` (with one they are RFC 9068 JWTs).
             * @default opaque
             * @example opaque
             * @enum {string}
             */
            access_token_format?: "opaque" | "jwt";
            /**
             * @description Portcullis extension: the resource indicators (RFC 8707) this client may ask access tokens for; tokens for them are RFC 9068 JWTs with that audience.
             * @example [
             *       "https://api.example.com"
             *     ]
             */
            allowed_resources?: string[];
            /**
             * @default web
             * @example web
             * @enum {string}
             */
            application_type?: "web" | "native";
            /**
             * @description With a backchannel_logout_uri: whether logout tokens, and then ID tokens, carry the session id `sid`. Default: false.
             * @default false
             * @example true
             */
            backchannel_logout_session_required?: boolean;
            /**
             * @description OpenID Connect Back-Channel Logout 1.0: where the issuer POSTs a logout token when a session this client took part in ends (RP-initiated logout, or an admin ending the session). An absolute http(s) URI without a fragment; https in production; not on a loopback or private address unless CLIENT_URIS_ALLOW_PRIVATE.
             * @example https://app.example.com/backchannel-logout
             */
            backchannel_logout_uri?: string;
            /**
             * @description The client's own client_id.
             * @example q3Zp0fW8bq3Yt1xQk0yq1wQF
             */
            client_id: string;
            /** @example Billing service */
            client_name?: string;
            /** @description If sent, the current secret (RFC 7592 §2.2); a client cannot choose its secret. */
            client_secret?: string;
            /** @example https://app.example.com */
            client_uri?: string;
            /**
             * @example [
             *       "ops@example.com"
             *     ]
             */
            contacts?: string[];
            /**
             * @example [
             *       "urn:portcullis:acr:mfa"
             *     ]
             */
            default_acr_values?: ("urn:portcullis:acr:password" | "urn:portcullis:acr:mfa" | "phr")[];
            /** @example 3600 */
            default_max_age?: number;
            /** @example false */
            dpop_bound_access_tokens?: boolean;
            /**
             * @description Default: authorization_code.
             * @example [
             *       "client_credentials"
             *     ]
             */
            grant_types?: ("authorization_code" | "implicit" | "refresh_token" | "client_credentials" | "urn:ietf:params:oauth:grant-type:device_code")[];
            /**
             * @description Default: the tenant's signing_alg.
             * @example RS256
             */
            id_token_signed_response_alg?: string;
            /**
             * @description OpenID Connect Registration: where a third party starts a sign-in (https).
             * @example https://app.example.com/login
             */
            initiate_login_uri?: string;
            /**
             * @description The client's public keys (private_key_jwt), as a JWK Set.
             * @example {
             *       "keys": []
             *     }
             */
            jwks?: Record<string, never>;
            /** @example https://app.example.com/jwks.json */
            jwks_uri?: string;
            /** @example https://app.example.com/logo.png */
            logo_uri?: string;
            /**
             * @description Portcullis extension: the weakest sign-in this client accepts. A user signing in below it presents another factor (or enrolls one); one who cannot gets `unmet_authentication_requirements`, and a session below it steps up. Levels, weakest first: `urn:portcullis:acr:password` (a password), `urn:portcullis:acr:mfa` (two factors), `phr` (a passkey or security key).
             * @example urn:portcullis:acr:mfa
             * @enum {string}
             */
            minimum_acr?: "urn:portcullis:acr:password" | "urn:portcullis:acr:mfa" | "phr";
            /** @example https://app.example.com/privacy */
            policy_uri?: string;
            /**
             * @example [
             *       "https://app.example.com/"
             *     ]
             */
            post_logout_redirect_uris?: string[];
            /**
             * @example [
             *       "https://app.example.com/callback"
             *     ]
             */
            redirect_uris?: string[];
            /**
             * @description The algorithm the client signs request objects with.
             * @example RS256
             */
            request_object_signing_alg?: string;
            /** @example false */
            require_auth_time?: boolean;
            /**
             * @description Portcullis extension: require PKCE (S256) on this confidential client's authorization requests (RFC 9700 §2.1.1). Public clients (token_endpoint_auth_method none) always need PKCE, and so does every client of a tenant with require_pkce_for_all_clients.
             * @default false
             * @example true
             */
            require_pkce?: boolean;
            /** @example false */
            require_pushed_authorization_requests?: boolean;
            /** @example false */
            require_signed_request_object?: boolean;
            /**
             * @description Portcullis extension: the audiences this client serves as a resource server. It may introspect access tokens issued to other clients for one of them (an opaque access token requested without a `resource` has the issuer as its audience); without this, a client introspects only tokens issued to itself. Not for public clients.
             * @example [
             *       "https://api.example.com"
             *     ]
             */
            resource_server_audiences?: string[];
            /**
             * @description Default: code (none for a client_credentials-only client).
             * @example [
             *       "code"
             *     ]
             */
            response_types?: string[];
            /**
             * @description Space-separated scopes the client may ask for.
             * @example openid profile email
             */
            scope?: string;
            /**
             * @description OpenID Connect Registration: an https JSON array listing every redirect URI, fetched and checked when the metadata is written.
             * @example https://app.example.com/redirect_uris.json
             */
            sector_identifier_uri?: string;
            /**
             * @description Only public subject identifiers are offered.
             * @example public
             * @enum {string}
             */
            subject_type?: "public";
            /**
             * @description Default: client_secret_basic.
             * @example client_secret_basic
             * @enum {string}
             */
            token_endpoint_auth_method?: "client_secret_basic" | "client_secret_post" | "client_secret_jwt" | "private_key_jwt" | "none";
            /**
             * @description For client_secret_jwt / private_key_jwt.
             * @example HS256
             */
            token_endpoint_auth_signing_alg?: string;
            /** @example https://app.example.com/terms */
            tos_uri?: string;
            /**
             * @description Signed userinfo responses (JWT) with this algorithm.
             * @example RS256
             */
            userinfo_signed_response_alg?: string;
        };
        ClientWithSecretDto: {
            /**
             * @description Portcullis extension: format of access tokens issued to this client without a `resource` (with one they are RFC 9068 JWTs).
             * @default opaque
             * @example opaque
             * @enum {string}
             */
            access_token_format?: "opaque" | "jwt";
            /**
             * @description Portcullis extension: the resource indicators (RFC 8707) this client may ask access tokens for; tokens for them are RFC 9068 JWTs with that audience.
             * @example [
             *       "https://api.example.com"
             *     ]
             */
            allowed_resources?: string[];
            /**
             * @default web
             * @example web
             * @enum {string}
             */
            application_type?: "web" | "native";
            /**
             * @description With a backchannel_logout_uri: whether logout tokens, and then ID tokens, carry the session id `sid`. Default: false.
             * @default false
             * @example true
             */
            backchannel_logout_session_required?: boolean;
            /**
             * @description OpenID Connect Back-Channel Logout 1.0: where the issuer POSTs a logout token when a session this client took part in ends (RP-initiated logout, or an admin ending the session). An absolute http(s) URI without a fragment; https in production; not on a loopback or private address unless CLIENT_URIS_ALLOW_PRIVATE.
             * @example https://app.example.com/backchannel-logout
             */
            backchannel_logout_uri?: string;
            /** @example q3Zp0fW8bq3Yt1xQk0yq1wQF */
            client_id: string;
            /**
             * @description RFC 7591: when the client_id was issued, in seconds since the epoch.
             * @example 1795449600
             */
            client_id_issued_at: number;
            /** @example Billing service */
            client_name?: string;
            /**
             * @description Shown only now. Absent for public and private_key_jwt clients.
             * @example vJ1o2Q…
             */
            client_secret?: string;
            /**
             * @description RFC 7591: 0, the secret does not expire.
             * @example 0
             */
            client_secret_expires_at?: number;
            /** @example https://app.example.com */
            client_uri?: string;
            /**
             * @example [
             *       "ops@example.com"
             *     ]
             */
            contacts?: string[];
            /**
             * Format: date-time
             * @example 2026-11-29T10:00:00.000Z
             */
            created_at: string;
            /**
             * @example [
             *       "urn:portcullis:acr:mfa"
             *     ]
             */
            default_acr_values?: ("urn:portcullis:acr:password" | "urn:portcullis:acr:mfa" | "phr")[];
            /** @example 3600 */
            default_max_age?: number;
            /** @example false */
            dpop_bound_access_tokens?: boolean;
            /**
             * @description Default: authorization_code.
             * @example [
             *       "client_credentials"
             *     ]
             */
            grant_types?: ("authorization_code" | "implicit" | "refresh_token" | "client_credentials" | "urn:ietf:params:oauth:grant-type:device_code")[];
            /**
             * @description Default: the tenant's signing_alg.
             * @example RS256
             */
            id_token_signed_response_alg?: string;
            /**
             * @description OpenID Connect Registration: where a third party starts a sign-in (https).
             * @example https://app.example.com/login
             */
            initiate_login_uri?: string;
            /**
             * @description The client's public keys (private_key_jwt), as a JWK Set.
             * @example {
             *       "keys": []
             *     }
             */
            jwks?: Record<string, never>;
            /** @example https://app.example.com/jwks.json */
            jwks_uri?: string;
            /** @example https://app.example.com/logo.png */
            logo_uri?: string;
            /**
             * @description Portcullis extension: the weakest sign-in this client accepts. A user signing in below it presents another factor (or enrolls one); one who cannot gets `unmet_authentication_requirements`, and a session below it steps up. Levels, weakest first: `urn:portcullis:acr:password` (a password), `urn:portcullis:acr:mfa` (two factors), `phr` (a passkey or security key).
             * @example urn:portcullis:acr:mfa
             * @enum {string}
             */
            minimum_acr?: "urn:portcullis:acr:password" | "urn:portcullis:acr:mfa" | "phr";
            /** @example https://app.example.com/privacy */
            policy_uri?: string;
            /**
             * @example [
             *       "https://app.example.com/"
             *     ]
             */
            post_logout_redirect_uris?: string[];
            /**
             * @example [
             *       "https://app.example.com/callback"
             *     ]
             */
            redirect_uris?: string[];
            /**
             * @description The algorithm the client signs request objects with.
             * @example RS256
             */
            request_object_signing_alg?: string;
            /** @example false */
            require_auth_time?: boolean;
            /**
             * @description Portcullis extension: require PKCE (S256) on this confidential client's authorization requests (RFC 9700 §2.1.1). Public clients (token_endpoint_auth_method none) always need PKCE, and so does every client of a tenant with require_pkce_for_all_clients.
             * @default false
             * @example true
             */
            require_pkce?: boolean;
            /** @example false */
            require_pushed_authorization_requests?: boolean;
            /** @example false */
            require_signed_request_object?: boolean;
            /**
             * @description Portcullis extension: the audiences this client serves as a resource server. It may introspect access tokens issued to other clients for one of them (an opaque access token requested without a `resource` has the issuer as its audience); without this, a client introspects only tokens issued to itself. Not for public clients.
             * @example [
             *       "https://api.example.com"
             *     ]
             */
            resource_server_audiences?: string[];
            /**
             * @description Default: code (none for a client_credentials-only client).
             * @example [
             *       "code"
             *     ]
             */
            response_types?: string[];
            /**
             * @description Space-separated scopes the client may ask for.
             * @example openid profile email
             */
            scope?: string;
            /**
             * @description OpenID Connect Registration: an https JSON array listing every redirect URI, fetched and checked when the metadata is written.
             * @example https://app.example.com/redirect_uris.json
             */
            sector_identifier_uri?: string;
            /**
             * @description Only public subject identifiers are offered.
             * @example public
             * @enum {string}
             */
            subject_type?: "public";
            /**
             * @description Default: client_secret_basic.
             * @example client_secret_basic
             * @enum {string}
             */
            token_endpoint_auth_method?: "client_secret_basic" | "client_secret_post" | "client_secret_jwt" | "private_key_jwt" | "none";
            /**
             * @description For client_secret_jwt / private_key_jwt.
             * @example HS256
             */
            token_endpoint_auth_signing_alg?: string;
            /** @example https://app.example.com/terms */
            tos_uri?: string;
            /**
             * Format: date-time
             * @example 2026-11-29T10:00:00.000Z
             */
            updated_at: string;
            /**
             * @description Signed userinfo responses (JWT) with this algorithm.
             * @example RS256
             */
            userinfo_signed_response_alg?: string;
        };
        ConnectionDto: {
            /** @example {} */
            acr_mapping: {
                [key: string]: "urn:portcullis:acr:password" | "urn:portcullis:acr:mfa" | "phr";
            };
            /**
             * @example {
             *       "email": "email",
             *       "name": "name"
             *     }
             */
            claim_mapping: {
                [key: string]: "email" | "email_verified" | "name" | "given_name" | "family_name" | "middle_name" | "nickname" | "preferred_username" | "picture" | "locale" | "zoneinfo" | "phone_number";
            };
            /** @example portcullis-acme */
            client_id: string;
            /**
             * Format: uuid
             * @example 6a1f0c3e-2b4d-4e8f-9a0b-1c2d3e4f5a6b
             */
            connection_id: string;
            /**
             * Format: date-time
             * @example 2026-11-29T10:00:00.000Z
             */
            created_at: string;
            /** @example Acme Corp */
            display_name: string;
            /**
             * @example [
             *       "acme.example"
             *     ]
             */
            email_domains: string[];
            /** @example false */
            exclusive: boolean;
            /** @example https://login.acme.example/ */
            issuer: string;
            /** @example acme */
            name: string;
            /**
             * Format: uri
             * @description The redirect URI to register at the upstream for this client.
             * @example https://id.example.com/acme/federation/acme/callback
             */
            redirect_uri: string;
            /**
             * @example [
             *       "openid",
             *       "email",
             *       "profile"
             *     ]
             */
            scopes: string[];
            /**
             * Format: date-time
             * @example 2026-11-29T10:00:00.000Z
             */
            updated_at: string;
        };
        ConnectionPageDto: {
            items: components["schemas"]["ConnectionDto"][];
            /**
             * @description Cursor of the next page; null on the last page.
             * @example eyJrIjoiYWNtZSJ9
             */
            next_cursor: string | null;
        };
        CreateAdminKeyDto: {
            /**
             * @description Limit the key to this tenant. Without it the key manages every tenant.
             * @example acme
             */
            issuer_id?: string;
            /**
             * @description Who or what uses the key; shown in the audit log.
             * @example acme-ci
             */
            name: string;
        };
        CreateConnectionDto: {
            /**
             * @description Upstream `acr` → the Portcullis `acr` a sign-in through it counts as. An upstream `acr` not named counts as a password.
             * @default {}
             * @example {
             *       "http://schemas.openid.net/pape/policies/2007/06/multi-factor": "urn:portcullis:acr:mfa"
             *     }
             */
            acr_mapping?: {
                [key: string]: "urn:portcullis:acr:password" | "urn:portcullis:acr:mfa" | "phr";
            };
            /**
             * @description Upstream claim → the user attribute it fills. Default: each standard claim to itself. Given, it replaces the default whole. `sub` is never mapped: the link keeps the upstream's.
             * @example {
             *       "email": "email",
             *       "email_verified": "email_verified",
             *       "name": "name",
             *       "upn": "preferred_username"
             *     }
             */
            claim_mapping?: {
                [key: string]: "email" | "email_verified" | "name" | "given_name" | "family_name" | "middle_name" | "nickname" | "preferred_username" | "picture" | "locale" | "zoneinfo" | "phone_number";
            };
            /**
             * @description The client id Portcullis has at the upstream.
             * @example portcullis-acme
             */
            client_id: string;
            /**
             * @description The client secret Portcullis has at the upstream (`client_secret_basic`). Sealed at rest; never returned.
             * @example upstream-client-secret
             */
            client_secret: string;
            /**
             * @description The label of its button on the sign-in page.
             * @example Acme Corp
             */
            display_name: string;
            /**
             * @description Lower-case email domains whose users sign in here (home-realm discovery from the email typed on the sign-in page). A domain belongs to one connection of a tenant. In an update, the list replaces the connection's domains.
             * @default []
             * @example [
             *       "acme.example"
             *     ]
             */
            email_domains?: string[];
            /**
             * @description Users of its email domains sign in only here: no password or passkey sign-in for them. Requires at least one email domain.
             * @default false
             * @example false
             */
            exclusive?: boolean;
            /**
             * Format: uri
             * @description The upstream's issuer identifier. It is discovered when given (OpenID Connect Discovery, under the provider check's address policy): its metadata must name exactly this issuer, with no error finding (see `POST /v1/providers/discover`).
             * @example https://login.acme.example/
             */
            issuer: string;
            /**
             * @description Unique in the tenant: the `idp_hint` value that sends a sign-in straight to this connection, and a segment of its `redirect_uri`. Cannot change once created.
             * @example acme
             */
            name: string;
            /**
             * @description Scopes asked of the upstream; must include `openid`.
             * @default [
             *       "openid",
             *       "email",
             *       "profile"
             *     ]
             * @example [
             *       "openid",
             *       "email",
             *       "profile"
             *     ]
             */
            scopes?: string[];
        };
        CreateInitialAccessTokenDto: {
            /**
             * @description Seconds until the token expires. Default: it does not expire (until revoked).
             * @example 86400
             */
            expires_in?: number;
            /**
             * @description The token registers one client, then is gone (used up in the registration that succeeds).
             * @default false
             * @example true
             */
            single_use?: boolean;
        };
        CreateTenantDto: {
            /**
             * @description Lifetime of access tokens (all grants), in seconds. Default 3600.
             * @example 3600
             */
            access_token_ttl?: number;
            /**
             * @description Accent colour of sign-in pages.
             * @example #0a7d4f
             */
            brand_color?: string | null;
            /**
             * @description Name shown on login pages. Default: the issuer_id.
             * @example Acme Corp
             */
            display_name?: string;
            /**
             * @description A disabled issuer answers 404 on all its public routes.
             * @default true
             * @example true
             */
            enabled?: boolean;
            /**
             * @description Grant types the tenant allows; clients register a subset. authorization_code and refresh_token are always allowed. Default: all.
             * @example [
             *       "authorization_code",
             *       "refresh_token",
             *       "client_credentials"
             *     ]
             */
            grant_types?: ("authorization_code" | "refresh_token" | "client_credentials" | "implicit" | "urn:ietf:params:oauth:grant-type:device_code")[];
            /**
             * @description Lifetime of ID tokens, in seconds. Default 3600.
             * @example 3600
             */
            id_token_ttl?: number;
            /**
             * @description Path segment of the issuer: 2–63 characters of a-z, 0-9 and inner hyphens; not a reserved name.
             * @example acme
             */
            issuer_id: string;
            /**
             * @description Days after which the active signing key is rotated automatically; 0 = manual only.
             * @default 90
             * @example 90
             */
            key_rotation_days?: number;
            /**
             * Format: uri
             * @description https URL of the logo on sign-in pages.
             * @example https://cdn.example.com/acme.svg
             */
            logo_url?: string | null;
            /**
             * @description Lifetime of refresh tokens, in seconds. Default 1209600 (14 days).
             * @example 1209600
             */
            refresh_token_ttl?: number;
            /**
             * @description Dynamic client registration (RFC 7591, with RFC 7592 management): `off` (no registration endpoint), `initial_access_token` (each registration presents a token issued with POST …/initial-access-tokens) or `open` (anyone may register, within the rate limit).
             * @default off
             * @example initial_access_token
             * @enum {string}
             */
            registration?: "off" | "initial_access_token" | "open";
            /**
             * @description Require PKCE (S256) on the authorization requests of every client, confidential ones included (RFC 9700 §2.1.1). Public clients (token_endpoint_auth_method none) and clients registered with require_pkce need it whatever this says.
             * @default false
             * @example true
             */
            require_pkce_for_all_clients?: boolean;
            /** @description Which factors sign people in and when a second one is needed; an update changes only the members it names. Authentication levels (`acr`): `urn:portcullis:acr:password` (a password), `urn:portcullis:acr:mfa` (two factors), `phr` (a passkey or security key: phishing-resistant). */
            sign_in_policy?: components["schemas"]["SignInPolicyDto"];
            /**
             * @description Algorithm of the signing keys (ID tokens, JWT access tokens).
             * @default RS256
             * @example ES256
             * @enum {string}
             */
            signing_alg?: "RS256" | "ES256" | "EdDSA";
        };
        CreateUserDto: {
            address?: components["schemas"]["AddressDto"];
            /** @example 1990-01-31 */
            birthdate?: string;
            /** @example jane@example.com */
            email?: string;
            /** @example true */
            email_verified?: boolean;
            /** @example Doe */
            family_name?: string;
            /** @example female */
            gender?: string;
            /** @example Jane */
            given_name?: string;
            /** @example fr-FR */
            locale?: string;
            /** @example Marie */
            middle_name?: string;
            /** @example Jane Doe */
            name?: string;
            /** @example JD */
            nickname?: string;
            /**
             * @description Not only whitespace, and not one of the most commonly used passwords (whatever the case).
             * @example correct horse battery staple
             */
            password: string;
            /** @example +33 1 23 45 67 89 */
            phone_number?: string;
            /** @example false */
            phone_number_verified?: boolean;
            /** @example https://example.com/jane.png */
            picture?: string;
            /** @example https://example.com/jane */
            profile?: string;
            /**
             * @description 1–128 of A-Z a-z 0-9 . _ @ + -; unique per tenant, whatever the case.
             * @example jane
             */
            username: string;
            /** @example https://jane.example.com */
            website?: string;
            /** @example Europe/Paris */
            zoneinfo?: string;
        };
        DeviceAuthorizationRequest: {
            /** @description A JWT signed with the client secret (`client_secret_jwt`, HS256) or with one of the client keys (`private_key_jwt`). */
            client_assertion?: string;
            /**
             * @description `client_secret_jwt` and `private_key_jwt` (RFC 7523).
             * @enum {string}
             */
            client_assertion_type?: "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
            /**
             * @description The client identifier: required of a public client (`none`) and with `client_secret_post`; optional with a client assertion.
             * @example s6BhdRkqt3
             */
            client_id?: string;
            /** @description `client_secret_post`: the client secret in the body. */
            client_secret?: string;
            /**
             * Format: uri
             * @description RFC 8707 resource indicator.
             */
            resource?: string;
            /**
             * @description Space-delimited scopes.
             * @example openid offline_access
             */
            scope?: string;
        };
        DeviceAuthorizationResponse: {
            /** @description What the device polls the token endpoint with. */
            device_code: string;
            /**
             * @description Seconds the codes stay valid.
             * @example 600
             */
            expires_in: number;
            /** @description Seconds between polls; absent means RFC 8628 default of 5. */
            interval?: number;
            /**
             * @description What the user enters at verification_uri.
             * @example QVNL-RDJT
             */
            user_code: string;
            /**
             * @description The issuer's user-code page.
             * @example https://id.example.com/acme/device
             */
            verification_uri: string;
            /** @example https://id.example.com/acme/device?user_code=QVNL-RDJT */
            verification_uri_complete: string;
        };
        DiscoverProviderRequest: {
            /**
             * Format: uri
             * @description Issuer URL, compared exactly (a trailing slash is preserved). Metadata is fetched from {issuer}/.well-known/openid-configuration, then from the RFC 8414 path-insertion URL. Must be https; http only for a loopback issuer when PROVIDER_DISCOVERY_ALLOW_PRIVATE=true.
             * @example https://acme.auth0.com/
             */
            issuer: string;
        };
        DiscoverProviderResponse: {
            /** @description Normalized metadata. null when discovery itself failed. */
            discovery: components["schemas"]["ProviderDiscovery"] | null;
            /**
             * @description Discovery-time issues. Empty on a clean discovery + reachable JWKS.
             * @example []
             */
            findings: components["schemas"]["DiscoveryFinding"][];
            /**
             * @description Result of the JWKS HEAD request (a GET when the server refuses HEAD with 405 or 501). `unreachable` when there is no jwks_uri to try.
             * @example reachable
             * @enum {string}
             */
            jwks_reachability: "reachable" | "unreachable" | "timeout";
            /**
             * @description "ok": discovery + JWKS reachable, no error finding. "partial": discovery succeeded but the JWKS is unreachable or another error was found. "failed": discovery itself failed (or the document names another issuer and must not be used).
             * @example ok
             * @enum {string}
             */
            status: "ok" | "partial" | "failed";
        };
        /** @description One problem found, with a stable code a client can act on. */
        DiscoveryFinding: {
            /**
             * @description DISCOVERY_FAILED, JWKS_UNREACHABLE and INVALID_METADATA as seed 002 defines them; the others name a cause: a refused address or scheme, a redirect, time, size, content-type or JSON limit, an issuer mismatch, an endpoint that is not https, or a JWKS problem (invalid set or key, private members, weak key, no signing key, an advertised algorithm without a key).
             * @example JWKS_UNREACHABLE
             * @enum {string}
             */
            code: "DISCOVERY_FAILED" | "JWKS_UNREACHABLE" | "INVALID_METADATA" | "ADDRESS_NOT_ALLOWED" | "HTTPS_REQUIRED" | "TOO_MANY_REDIRECTS" | "TIMEOUT" | "CONNECTION_FAILED" | "HTTP_ERROR" | "RESPONSE_TOO_LARGE" | "UNEXPECTED_CONTENT_TYPE" | "INVALID_JSON" | "ISSUER_MISMATCH" | "OPENID_CONFIGURATION_MISSING" | "ENDPOINT_NOT_HTTPS" | "JWKS_INVALID" | "JWK_INVALID" | "JWK_MISSING_KID" | "JWK_PRIVATE_MEMBER" | "JWK_WEAK_KEY" | "JWKS_NO_SIGNING_KEYS" | "ALG_WITHOUT_KEY";
            /**
             * @description What was found, naming the URL or member concerned.
             * @example https://acme.auth0.com/.well-known/jwks.json answered HTTP 404
             */
            message: string;
            /**
             * @description `error` lowers the status; `warning` does not.
             * @example error
             * @enum {string}
             */
            severity: "error" | "warning";
        };
        EndSessionRequest: {
            /** @description The client, when there is no id_token_hint. */
            client_id?: string;
            /** @description An ID token the issuer gave the client (an expired one too): names the client and the user. */
            id_token_hint?: string;
            /** @description A hint of the user to sign out. */
            logout_hint?: string;
            /**
             * Format: uri
             * @description Where to send the browser after sign-out: one of the post_logout_redirect_uris the client registered.
             * @example https://rp.example.com/signed-out
             */
            post_logout_redirect_uri?: string;
            /** @description Returned unchanged to post_logout_redirect_uri. */
            state?: string;
            /** @description Preferred languages of the page, space-delimited BCP 47 tags. */
            ui_locales?: string;
        };
        ExportedClientDto: {
            /**
             * @description Portcullis extension: format of access tokens issued to this client without a `resource` (with one they are RFC 9068 JWTs).
             * @default opaque
             * @example opaque
             * @enum {string}
             */
            access_token_format?: "opaque" | "jwt";
            /**
             * @description Portcullis extension: the resource indicators (RFC 8707) this client may ask access tokens for; tokens for them are RFC 9068 JWTs with that audience.
             * @example [
             *       "https://api.example.com"
             *     ]
             */
            allowed_resources?: string[];
            /**
             * @default web
             * @example web
             * @enum {string}
             */
            application_type?: "web" | "native";
            /**
             * @description With a backchannel_logout_uri: whether logout tokens, and then ID tokens, carry the session id `sid`. Default: false.
             * @default false
             * @example true
             */
            backchannel_logout_session_required?: boolean;
            /**
             * @description OpenID Connect Back-Channel Logout 1.0: where the issuer POSTs a logout token when a session this client took part in ends (RP-initiated logout, or an admin ending the session). An absolute http(s) URI without a fragment; https in production; not on a loopback or private address unless CLIENT_URIS_ALLOW_PRIVATE.
             * @example https://app.example.com/backchannel-logout
             */
            backchannel_logout_uri?: string;
            /**
             * @description Kept on import, so relying parties keep their configuration.
             * @example mQ2c3Yw0a1h5b9ZkTt8xq7Pe
             */
            client_id: string;
            /** @example Billing service */
            client_name?: string;
            /** @example https://app.example.com */
            client_uri?: string;
            /**
             * @example [
             *       "ops@example.com"
             *     ]
             */
            contacts?: string[];
            /**
             * @example [
             *       "urn:portcullis:acr:mfa"
             *     ]
             */
            default_acr_values?: ("urn:portcullis:acr:password" | "urn:portcullis:acr:mfa" | "phr")[];
            /** @example 3600 */
            default_max_age?: number;
            /** @example false */
            dpop_bound_access_tokens?: boolean;
            /**
             * @description Default: authorization_code.
             * @example [
             *       "client_credentials"
             *     ]
             */
            grant_types?: ("authorization_code" | "implicit" | "refresh_token" | "client_credentials" | "urn:ietf:params:oauth:grant-type:device_code")[];
            /**
             * @description Default: the tenant's signing_alg.
             * @example RS256
             */
            id_token_signed_response_alg?: string;
            /**
             * @description OpenID Connect Registration: where a third party starts a sign-in (https).
             * @example https://app.example.com/login
             */
            initiate_login_uri?: string;
            /**
             * @description The client's public keys (private_key_jwt), as a JWK Set.
             * @example {
             *       "keys": []
             *     }
             */
            jwks?: Record<string, never>;
            /** @example https://app.example.com/jwks.json */
            jwks_uri?: string;
            /** @example https://app.example.com/logo.png */
            logo_uri?: string;
            /**
             * @description Portcullis extension: the weakest sign-in this client accepts. A user signing in below it presents another factor (or enrolls one); one who cannot gets `unmet_authentication_requirements`, and a session below it steps up. Levels, weakest first: `urn:portcullis:acr:password` (a password), `urn:portcullis:acr:mfa` (two factors), `phr` (a passkey or security key).
             * @example urn:portcullis:acr:mfa
             * @enum {string}
             */
            minimum_acr?: "urn:portcullis:acr:password" | "urn:portcullis:acr:mfa" | "phr";
            /** @example https://app.example.com/privacy */
            policy_uri?: string;
            /**
             * @example [
             *       "https://app.example.com/"
             *     ]
             */
            post_logout_redirect_uris?: string[];
            /**
             * @example [
             *       "https://app.example.com/callback"
             *     ]
             */
            redirect_uris?: string[];
            /**
             * @description The algorithm the client signs request objects with.
             * @example RS256
             */
            request_object_signing_alg?: string;
            /** @example false */
            require_auth_time?: boolean;
            /**
             * @description Portcullis extension: require PKCE (S256) on this confidential client's authorization requests (RFC 9700 §2.1.1). Public clients (token_endpoint_auth_method none) always need PKCE, and so does every client of a tenant with require_pkce_for_all_clients.
             * @default false
             * @example true
             */
            require_pkce?: boolean;
            /** @example false */
            require_pushed_authorization_requests?: boolean;
            /** @example false */
            require_signed_request_object?: boolean;
            /**
             * @description Portcullis extension: the audiences this client serves as a resource server. It may introspect access tokens issued to other clients for one of them (an opaque access token requested without a `resource` has the issuer as its audience); without this, a client introspects only tokens issued to itself. Not for public clients.
             * @example [
             *       "https://api.example.com"
             *     ]
             */
            resource_server_audiences?: string[];
            /**
             * @description Default: code (none for a client_credentials-only client).
             * @example [
             *       "code"
             *     ]
             */
            response_types?: string[];
            /**
             * @description Space-separated scopes the client may ask for.
             * @example openid profile email
             */
            scope?: string;
            /**
             * @description OpenID Connect Registration: an https JSON array listing every redirect URI, fetched and checked when the metadata is written.
             * @example https://app.example.com/redirect_uris.json
             */
            sector_identifier_uri?: string;
            /**
             * @description Only public subject identifiers are offered.
             * @example public
             * @enum {string}
             */
            subject_type?: "public";
            /**
             * @description Default: client_secret_basic.
             * @example client_secret_basic
             * @enum {string}
             */
            token_endpoint_auth_method?: "client_secret_basic" | "client_secret_post" | "client_secret_jwt" | "private_key_jwt" | "none";
            /**
             * @description For client_secret_jwt / private_key_jwt.
             * @example HS256
             */
            token_endpoint_auth_signing_alg?: string;
            /** @example https://app.example.com/terms */
            tos_uri?: string;
            /**
             * @description Signed userinfo responses (JWT) with this algorithm.
             * @example RS256
             */
            userinfo_signed_response_alg?: string;
        };
        ExportedUserDto: {
            address?: components["schemas"]["AddressDto"];
            /** @example 1990-01-31 */
            birthdate?: string;
            /** @example jane@example.com */
            email?: string;
            /** @example true */
            email_verified?: boolean;
            /** @example Doe */
            family_name?: string;
            /** @example female */
            gender?: string;
            /** @example Jane */
            given_name?: string;
            /** @example fr-FR */
            locale?: string;
            /** @example Marie */
            middle_name?: string;
            /** @example Jane Doe */
            name?: string;
            /** @example JD */
            nickname?: string;
            /** @example +33 1 23 45 67 89 */
            phone_number?: string;
            /** @example false */
            phone_number_verified?: boolean;
            /** @example https://example.com/jane.png */
            picture?: string;
            /** @example https://example.com/jane */
            profile?: string;
            /**
             * Format: uuid
             * @description Kept on import, so `sub` claims stay the same.
             */
            user_id: string;
            /**
             * @description 1–128 of A-Z a-z 0-9 . _ @ + -; unique per tenant, whatever the case.
             * @example jane
             */
            username: string;
            /** @example https://jane.example.com */
            website?: string;
            /** @example Europe/Paris */
            zoneinfo?: string;
        };
        FactorDto: {
            /** Format: date-time */
            created_at: string;
            /**
             * Format: uuid
             * @example 5f0c2a7e-1b3d-4c8e-9a6f-2d4b6c8e0a1f
             */
            factor_id: string;
            /**
             * @description `totp`: an authenticator app (RFC 6238); `passkey`: a discoverable WebAuthn credential that verifies its user and signs in alone; `security_key`: a WebAuthn credential used after the password; `recovery_codes`: the set of single-use recovery codes.
             * @example passkey
             * @enum {string}
             */
            kind: "totp" | "passkey" | "security_key" | "recovery_codes";
            /** @example Passkey */
            label: string;
            /**
             * Format: date-time
             * @description When it last signed the user in; null if never.
             */
            last_used_at: string | null;
            /**
             * @description Recovery codes not used yet (`recovery_codes` only).
             * @example 8
             */
            remaining_codes?: number;
            /**
             * @description The credential may be synced between devices (WebAuthn backup eligible; `amr` says `swk` rather than `hwk`).
             * @example true
             */
            synced?: boolean;
        };
        FactorListDto: {
            items: components["schemas"]["FactorDto"][];
        };
        FactorResetDto: {
            /**
             * @description Factors removed (a set of recovery codes counts as one).
             * @example 3
             */
            removed: number;
        };
        FieldProblemDto: {
            /** @example issuer_id */
            field: string;
            /** @example must match ^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])$ */
            message: string;
        };
        InitialAccessTokenDto: {
            /**
             * Format: date-time
             * @example 2026-11-29T10:00:00.000Z
             */
            created_at: string;
            /**
             * Format: date-time
             * @description Null: valid until revoked.
             * @example 2026-11-30T10:00:00.000Z
             */
            expires_at: string | null;
            /**
             * @description The SHA-256 of the token (hex): the only form it is stored in, and its name here.
             * @example 2f9c4b0e8f7d6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b
             */
            id: string;
            /** @example false */
            single_use: boolean;
        };
        InitialAccessTokenPageDto: {
            items: components["schemas"]["InitialAccessTokenDto"][];
            /**
             * @description Cursor of the next page; null on the last page.
             * @example eyJrIjoiYWNtZSJ9
             */
            next_cursor: string | null;
        };
        InitialAccessTokenWithValueDto: {
            /**
             * Format: date-time
             * @example 2026-11-29T10:00:00.000Z
             */
            created_at: string;
            /**
             * Format: date-time
             * @description Null: valid until revoked.
             * @example 2026-11-30T10:00:00.000Z
             */
            expires_at: string | null;
            /**
             * @description The SHA-256 of the token (hex): the only form it is stored in, and its name here.
             * @example 2f9c4b0e8f7d6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b
             */
            id: string;
            /**
             * @description The token, for `Authorization: Bearer …` at the registration endpoint. Shown only in this answer.
             * @example pX3qN0v8Yk2mB7tR1wZ5sD9fH4jL6cQ0aE8gU2iO3yT
             */
            initial_access_token: string;
            /** @example false */
            single_use: boolean;
        };
        IntrospectionRequest: {
            /** @description A JWT signed with the client secret (`client_secret_jwt`, HS256) or with one of the client keys (`private_key_jwt`). */
            client_assertion?: string;
            /**
             * @description `client_secret_jwt` and `private_key_jwt` (RFC 7523).
             * @enum {string}
             */
            client_assertion_type?: "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
            /**
             * @description The client identifier: required of a public client (`none`) and with `client_secret_post`; optional with a client assertion.
             * @example s6BhdRkqt3
             */
            client_id?: string;
            /** @description `client_secret_post`: the client secret in the body. */
            client_secret?: string;
            /** @description The token to introspect. */
            token: string;
            /**
             * @description Where to look first; the others are looked in too.
             * @enum {string}
             */
            token_type_hint?: "access_token" | "refresh_token" | "client_credentials";
        };
        IntrospectionResponse: {
            /** @example true */
            active: boolean;
            /** @description The resource (RFC 8707) the token is for. */
            aud?: string | string[];
            /**
             * @description The client the token was issued to.
             * @example s6BhdRkqt3
             */
            client_id?: string;
            /** @description Confirmation of a sender-constrained (DPoP) token: its key thumbprint. */
            cnf?: {
                jkt?: string;
                "x5t#S256"?: string;
            };
            exp?: number;
            iat?: number;
            /** @example https://id.example.com/acme */
            iss?: string;
            /** @description Token id, when it differs from the token itself (JWT access tokens). */
            jti?: string;
            /** @example openid profile */
            scope?: string;
            /** @description The session the token was issued in. */
            sid?: string;
            /** @description The user (absent for client credentials). */
            sub?: string;
            /**
             * @description Access tokens only.
             * @enum {string}
             */
            token_type?: "Bearer" | "DPoP";
        };
        IssuerJWKS: {
            /** @description Active key first, then the pre-published next key, then retired keys still verifying tokens. */
            keys: components["schemas"]["JWK"][];
        };
        JWK: {
            /**
             * @description Always present in Portcullis (the contract requires it).
             * @example RS256
             */
            alg: string;
            /** @example P-256 */
            crv?: string;
            /**
             * @description RSA exponent (base64url).
             * @example AQAB
             */
            e?: string;
            /** @example NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs */
            kid: string;
            /**
             * @description Key type (RSA, EC, OKP).
             * @example RSA
             */
            kty: string;
            /** @description RSA modulus (base64url). */
            n?: string;
            /**
             * @example sig
             * @enum {string}
             */
            use: "sig" | "enc";
            /** @description EC/OKP x coordinate. */
            x?: string;
            x5c?: string[];
            x5t?: string;
            /** @description EC y coordinate. */
            y?: string;
        };
        KeyDto: {
            /**
             * Format: date-time
             * @example 2026-11-29T10:00:00.000Z
             */
            activated_at: string | null;
            /**
             * @example RS256
             * @enum {string}
             */
            alg: "RS256" | "ES256" | "EdDSA";
            /**
             * Format: date-time
             * @example 2026-11-29T10:00:00.000Z
             */
            created_at: string;
            /**
             * @description RFC 7638 thumbprint of the key.
             * @example NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs
             */
            kid: string;
            /**
             * Format: date-time
             * @example 2026-11-29T10:00:00.000Z
             */
            retired_at: string | null;
            /**
             * @description active signs; next is pre-published; retired still verifies.
             * @example active
             * @enum {string}
             */
            status: "next" | "active" | "retired";
            /** @example sig */
            use: string;
        };
        KeyEncryptionKeyDto: {
            /**
             * @description Client secrets sealed under it.
             * @example 0
             */
            client_secrets: number;
            /**
             * @description This process holds the key. A key that seals values here but is not held makes the process refuse to start.
             * @example true
             */
            configured: boolean;
            /**
             * @description Client secrets of connections (upstream OpenID Providers) sealed under it.
             * @example 0
             */
            connection_secrets: number;
            /**
             * @description The key's id in `KEY_ENCRYPTION_KEYS` (`default`: `KEY_ENCRYPTION_KEY`, and values sealed before key ids).
             * @example 2026-12
             */
            id: string;
            /**
             * @description Sealed members of live protocol state (device codes, interactions in progress) under it.
             * @example 0
             */
            protocol_state: number;
            /**
             * @description Nothing here is sealed under it and it does not seal: it can leave `KEY_ENCRYPTION_KEYS` (of every process on this database).
             * @example true
             */
            removable: boolean;
            /**
             * @description The key seals new values (the first of `KEY_ENCRYPTION_KEYS`).
             * @example false
             */
            sealing: boolean;
            /**
             * @description Private signing keys sealed under it.
             * @example 0
             */
            signing_keys: number;
            /**
             * @description Users' TOTP authenticator secrets sealed under it.
             * @example 0
             */
            totp_secrets: number;
        };
        KeyEncryptionKeyListDto: {
            /** @description The process's keys in `KEY_ENCRYPTION_KEYS` order, then any other id found in the database. */
            items: components["schemas"]["KeyEncryptionKeyDto"][];
            /**
             * @description The id of the key that seals new values.
             * @example 2026-12
             */
            sealing_key_id: string;
        };
        KeyListDto: {
            /** @description Active key first, then next, then retired keys. */
            items: components["schemas"]["KeyDto"][];
        };
        KeyPageDto: {
            /** @description Active key first, then next, then retired keys. */
            items: components["schemas"]["KeyDto"][];
            /**
             * @description Cursor of the next page; null on the last page.
             * @example null
             */
            next_cursor: string | null;
        };
        LinkDto: {
            /**
             * Format: uuid
             * @example 6a1f0c3e-2b4d-4e8f-9a0b-1c2d3e4f5a6b
             */
            connection_id: string;
            /**
             * @description The name of the connection.
             * @example acme
             */
            connection_name: string;
            /** Format: date-time */
            created_at: string;
            /**
             * @description The email the upstream asserted at the last sign-in, if any.
             * @example jane@acme.example
             */
            email: string | null;
            /**
             * Format: date-time
             * @description When it last signed the user in; null if never.
             */
            last_sign_in_at: string | null;
            /**
             * Format: uuid
             * @example 8c4e2a6f-0b1d-4f3e-a5c7-9e1b3d5f7a9c
             */
            link_id: string;
            /**
             * @description The upstream `sub`.
             * @example 248289761001
             */
            subject: string;
        };
        LinkListDto: {
            items: components["schemas"]["LinkDto"][];
        };
        OAuth2Metadata: {
            /**
             * @example [
             *       "urn:portcullis:acr:password",
             *       "urn:portcullis:acr:mfa",
             *       "phr"
             *     ]
             */
            acr_values_supported?: string[];
            /** @example https://id.example.com/acme/authorize */
            authorization_endpoint: string;
            /** @example true */
            authorization_response_iss_parameter_supported?: boolean;
            /**
             * @description Logout tokens carry sid.
             * @example true
             */
            backchannel_logout_session_supported?: boolean;
            /**
             * @description OpenID Connect Back-Channel Logout 1.0.
             * @example true
             */
            backchannel_logout_supported?: boolean;
            /**
             * @example [
             *       "normal"
             *     ]
             */
            claim_types_supported?: string[];
            /** @example true */
            claims_parameter_supported?: boolean;
            /**
             * @example [
             *       "sub",
             *       "name",
             *       "email",
             *       "email_verified",
             *       "address",
             *       "phone_number"
             *     ]
             */
            claims_supported?: string[];
            /**
             * @description PKCE: S256 only (plain is refused).
             * @example [
             *       "S256"
             *     ]
             */
            code_challenge_methods_supported?: string[];
            /** @example https://id.example.com/acme/device_authorization */
            device_authorization_endpoint?: string;
            /**
             * @description DPoP proofs (RFC 9449).
             * @example [
             *       "ES256",
             *       "Ed25519",
             *       "EdDSA"
             *     ]
             */
            dpop_signing_alg_values_supported?: string[];
            /** @example https://id.example.com/acme/end-session */
            end_session_endpoint?: string;
            /**
             * @example [
             *       "authorization_code",
             *       "implicit",
             *       "client_credentials",
             *       "refresh_token",
             *       "urn:ietf:params:oauth:grant-type:device_code"
             *     ]
             */
            grant_types_supported?: string[];
            /**
             * @description The tenant's signing algorithm.
             * @example [
             *       "RS256"
             *     ]
             */
            id_token_signing_alg_values_supported?: string[];
            /** @example https://id.example.com/acme/introspect */
            introspection_endpoint?: string;
            /**
             * @example [
             *       "client_secret_basic",
             *       "client_secret_post",
             *       "client_secret_jwt",
             *       "private_key_jwt",
             *       "none"
             *     ]
             */
            introspection_endpoint_auth_methods_supported?: string[];
            /**
             * @description PUBLIC_URL/{issuer_id}, exactly.
             * @example https://id.example.com/acme
             */
            issuer: string;
            /** @example https://id.example.com/acme/jwks.json */
            jwks_uri: string;
            /**
             * @description `enroll` sends a signed-in user to add a passkey, security key or authenticator app.
             * @example [
             *       "none",
             *       "login",
             *       "consent",
             *       "enroll"
             *     ]
             */
            prompt_values_supported?: string[];
            /** @example https://id.example.com/acme/par */
            pushed_authorization_request_endpoint?: string;
            /**
             * @description RFC 7591 dynamic client registration: only at an issuer whose `registration` option is not `off`.
             * @example https://id.example.com/acme/register
             */
            registration_endpoint?: string;
            /**
             * @example [
             *       "HS256",
             *       "RS256",
             *       "ES256",
             *       "EdDSA"
             *     ]
             */
            request_object_signing_alg_values_supported?: string[];
            /** @example true */
            request_parameter_supported?: boolean;
            /** @example false */
            request_uri_parameter_supported?: boolean;
            /** @example false */
            require_pushed_authorization_requests?: boolean;
            /**
             * @example [
             *       "query",
             *       "fragment",
             *       "form_post"
             *     ]
             */
            response_modes_supported?: string[];
            /**
             * @example [
             *       "code",
             *       "id_token",
             *       "id_token token",
             *       "code id_token",
             *       "code token",
             *       "code id_token token"
             *     ]
             */
            response_types_supported: string[];
            /** @example https://id.example.com/acme/revoke */
            revocation_endpoint?: string;
            /**
             * @example [
             *       "client_secret_basic",
             *       "client_secret_post",
             *       "client_secret_jwt",
             *       "private_key_jwt",
             *       "none"
             *     ]
             */
            revocation_endpoint_auth_methods_supported?: string[];
            /**
             * @example [
             *       "openid",
             *       "profile",
             *       "email",
             *       "address",
             *       "phone",
             *       "offline_access"
             *     ]
             */
            scopes_supported?: string[];
            /** @example https://id.example.com/docs */
            service_documentation?: string;
            /**
             * @example [
             *       "public"
             *     ]
             */
            subject_types_supported?: string[];
            /** @example https://id.example.com/acme/token */
            token_endpoint: string;
            /**
             * @example [
             *       "client_secret_basic",
             *       "client_secret_post",
             *       "client_secret_jwt",
             *       "private_key_jwt",
             *       "none"
             *     ]
             */
            token_endpoint_auth_methods_supported?: string[];
            /**
             * @example [
             *       "HS256",
             *       "RS256",
             *       "PS256",
             *       "ES256",
             *       "EdDSA"
             *     ]
             */
            token_endpoint_auth_signing_alg_values_supported?: string[];
            /** @example https://id.example.com/acme/userinfo */
            userinfo_endpoint?: string;
            /**
             * @example [
             *       "RS256",
             *       "ES256",
             *       "EdDSA"
             *     ]
             */
            userinfo_signing_alg_values_supported?: string[];
        };
        OAuthError: {
            /**
             * @description RFC 6749 / OIDC code, or not_found, method_not_allowed, too_many_requests, server_error, temporarily_unavailable.
             * @example not_found
             */
            error: string;
            /** @example The requested resource does not exist. */
            error_description?: string;
            /** @description Request id to quote to an operator (500 only). */
            request_id?: string;
        };
        OpenIDConfiguration: {
            /**
             * @example [
             *       "urn:portcullis:acr:password",
             *       "urn:portcullis:acr:mfa",
             *       "phr"
             *     ]
             */
            acr_values_supported?: string[];
            /** @example https://id.example.com/acme/authorize */
            authorization_endpoint: string;
            /** @example true */
            authorization_response_iss_parameter_supported?: boolean;
            /**
             * @description Logout tokens carry sid.
             * @example true
             */
            backchannel_logout_session_supported?: boolean;
            /**
             * @description OpenID Connect Back-Channel Logout 1.0.
             * @example true
             */
            backchannel_logout_supported?: boolean;
            /**
             * @example [
             *       "normal"
             *     ]
             */
            claim_types_supported?: string[];
            /** @example true */
            claims_parameter_supported?: boolean;
            /**
             * @example [
             *       "sub",
             *       "name",
             *       "email",
             *       "email_verified",
             *       "address",
             *       "phone_number"
             *     ]
             */
            claims_supported?: string[];
            /**
             * @description PKCE: S256 only (plain is refused).
             * @example [
             *       "S256"
             *     ]
             */
            code_challenge_methods_supported?: string[];
            /** @example https://id.example.com/acme/device_authorization */
            device_authorization_endpoint?: string;
            /**
             * @description DPoP proofs (RFC 9449).
             * @example [
             *       "ES256",
             *       "Ed25519",
             *       "EdDSA"
             *     ]
             */
            dpop_signing_alg_values_supported?: string[];
            /** @example https://id.example.com/acme/end-session */
            end_session_endpoint?: string;
            /**
             * @example [
             *       "authorization_code",
             *       "implicit",
             *       "client_credentials",
             *       "refresh_token",
             *       "urn:ietf:params:oauth:grant-type:device_code"
             *     ]
             */
            grant_types_supported?: string[];
            /**
             * @description The tenant's signing algorithm.
             * @example [
             *       "RS256"
             *     ]
             */
            id_token_signing_alg_values_supported: string[];
            /** @example https://id.example.com/acme/introspect */
            introspection_endpoint?: string;
            /**
             * @example [
             *       "client_secret_basic",
             *       "client_secret_post",
             *       "client_secret_jwt",
             *       "private_key_jwt",
             *       "none"
             *     ]
             */
            introspection_endpoint_auth_methods_supported?: string[];
            /**
             * @description PUBLIC_URL/{issuer_id}, exactly.
             * @example https://id.example.com/acme
             */
            issuer: string;
            /** @example https://id.example.com/acme/jwks.json */
            jwks_uri: string;
            /**
             * @description `enroll` sends a signed-in user to add a passkey, security key or authenticator app.
             * @example [
             *       "none",
             *       "login",
             *       "consent",
             *       "enroll"
             *     ]
             */
            prompt_values_supported?: string[];
            /** @example https://id.example.com/acme/par */
            pushed_authorization_request_endpoint?: string;
            /**
             * @description RFC 7591 dynamic client registration: only at an issuer whose `registration` option is not `off`.
             * @example https://id.example.com/acme/register
             */
            registration_endpoint?: string;
            /**
             * @example [
             *       "HS256",
             *       "RS256",
             *       "ES256",
             *       "EdDSA"
             *     ]
             */
            request_object_signing_alg_values_supported?: string[];
            /** @example true */
            request_parameter_supported?: boolean;
            /** @example false */
            request_uri_parameter_supported?: boolean;
            /** @example false */
            require_pushed_authorization_requests?: boolean;
            /**
             * @example [
             *       "query",
             *       "fragment",
             *       "form_post"
             *     ]
             */
            response_modes_supported?: string[];
            /**
             * @example [
             *       "code",
             *       "id_token",
             *       "id_token token",
             *       "code id_token",
             *       "code token",
             *       "code id_token token"
             *     ]
             */
            response_types_supported: string[];
            /** @example https://id.example.com/acme/revoke */
            revocation_endpoint?: string;
            /**
             * @example [
             *       "client_secret_basic",
             *       "client_secret_post",
             *       "client_secret_jwt",
             *       "private_key_jwt",
             *       "none"
             *     ]
             */
            revocation_endpoint_auth_methods_supported?: string[];
            /**
             * @example [
             *       "openid",
             *       "profile",
             *       "email",
             *       "address",
             *       "phone",
             *       "offline_access"
             *     ]
             */
            scopes_supported?: string[];
            /** @example https://id.example.com/docs */
            service_documentation?: string;
            /**
             * @example [
             *       "public"
             *     ]
             */
            subject_types_supported: string[];
            /** @example https://id.example.com/acme/token */
            token_endpoint: string;
            /**
             * @example [
             *       "client_secret_basic",
             *       "client_secret_post",
             *       "client_secret_jwt",
             *       "private_key_jwt",
             *       "none"
             *     ]
             */
            token_endpoint_auth_methods_supported?: string[];
            /**
             * @example [
             *       "HS256",
             *       "RS256",
             *       "PS256",
             *       "ES256",
             *       "EdDSA"
             *     ]
             */
            token_endpoint_auth_signing_alg_values_supported?: string[];
            /** @example https://id.example.com/acme/userinfo */
            userinfo_endpoint?: string;
            /**
             * @example [
             *       "RS256",
             *       "ES256",
             *       "EdDSA"
             *     ]
             */
            userinfo_signing_alg_values_supported?: string[];
        };
        /** @description The issuer metadata, normalized. */
        ProviderDiscovery: {
            /**
             * @description OAuth authorize endpoint, when present.
             * @example https://acme.auth0.com/authorize
             */
            authorization_endpoint: string | null;
            /**
             * @description Canonical issuer URL as advertised in the metadata document.
             * @example https://acme.auth0.com/
             */
            issuer: string;
            /**
             * @description JWKS endpoint URL. null if absent from metadata.
             * @example https://acme.auth0.com/.well-known/jwks.json
             */
            jwks_uri: string | null;
            /**
             * @description Algorithms advertised in id_token_signing_alg_values_supported.
             * @example [
             *       "RS256"
             *     ]
             */
            supported_algs: string[];
            /**
             * @description Token exchange endpoint, when present.
             * @example https://acme.auth0.com/oauth/token
             */
            token_endpoint: string | null;
        };
        PushedAuthorizationRequest: {
            /**
             * @description Requested authentication context classes, space-delimited.
             * @example urn:portcullis:acr:password
             */
            acr_values?: string;
            /** @description OpenID Connect Core §5.5: the claims wanted in the ID token and at userinfo, as JSON. */
            claims?: string;
            /** @description A JWT signed with the client secret (`client_secret_jwt`, HS256) or with one of the client keys (`private_key_jwt`). */
            client_assertion?: string;
            /**
             * @description `client_secret_jwt` and `private_key_jwt` (RFC 7523).
             * @enum {string}
             */
            client_assertion_type?: "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
            /**
             * @description The client identifier issued at registration.
             * @example s6BhdRkqt3
             */
            client_id: string;
            /** @description `client_secret_post`: the client secret in the body. */
            client_secret?: string;
            /** @description PKCE (RFC 7636): the base64url SHA-256 of the code verifier. Required of public clients, and of confidential ones registered with require_pkce or at a tenant with require_pkce_for_all_clients; a code issued with it is redeemed only with its verifier. */
            code_challenge?: string;
            /**
             * @description Only S256: seed 001's 'plain' is refused (RFC 9700 §2.1.1).
             * @enum {string}
             */
            code_challenge_method?: "S256";
            /** @description RFC 9449 §10: thumbprint of the DPoP key the code is bound to. */
            dpop_jkt?: string;
            /** @description An ID token the issuer gave earlier, naming the user expected. */
            id_token_hint?: string;
            /** @description A hint of the user (her username), pre-filled on the sign-in page. */
            login_hint?: string;
            /** @description Seconds since the user last signed in beyond which she signs in again. */
            max_age?: number;
            /** @description Bound into the ID token; required by the implicit and hybrid flows. */
            nonce?: string;
            /**
             * @description Space-delimited: 'none' (no page: login_required or consent_required instead), 'login', 'consent'. Seed 001's select_account is not offered.
             * @example login
             */
            prompt?: string;
            /**
             * Format: uri
             * @description Required (outside request_uri or request). Exactly one of the redirect URIs the client registered.
             * @example https://rp.example.com/cb
             */
            redirect_uri?: string;
            /** @description A request object (RFC 9101): the parameters as a JWT, signed or not. */
            request?: string;
            /**
             * Format: uri
             * @description RFC 8707 resource indicator: the API the access token is for.
             */
            resource?: string;
            /**
             * @description How the response reaches redirect_uri; the default is 'query' for 'code', 'fragment' otherwise.
             * @enum {string}
             */
            response_mode?: "query" | "fragment" | "form_post";
            /**
             * @description Required (outside request_uri or request). 'code' for the authorization code flow, 'id_token' and 'id_token token' for the implicit flow, 'code id_token', 'code token' and 'code id_token token' for the hybrid flow; all but 'code' need a client (and tenant) with the implicit grant.
             * @enum {string}
             */
            response_type?: "code" | "id_token" | "id_token token" | "code id_token" | "code token" | "code id_token token";
            /**
             * @description Required (outside request_uri or request). Space-delimited scopes; 'openid' for an OpenID Connect request, then profile, email, address, phone, offline_access.
             * @example openid profile email
             */
            scope?: string;
            /** @description Returned unchanged with the response; recommended against CSRF. */
            state?: string;
            /** @description Preferred languages of the pages, space-delimited BCP 47 tags. */
            ui_locales?: string;
        };
        PushedAuthorizationResponse: {
            /**
             * @description Seconds it can be used.
             * @example 60
             */
            expires_in: number;
            /**
             * @description Pass it as request_uri, with client_id, to the authorization endpoint.
             * @example urn:ietf:params:oauth:request_uri:08zqvtj1hcnEpsCSFYOH-eZceO3WYNCR_BY9MqslK1V
             */
            request_uri: string;
        };
        ReEncryptionDto: {
            /**
             * @description Client secrets re-encrypted.
             * @example 4
             */
            client_secrets: number;
            /**
             * @description Client secrets of connections re-encrypted.
             * @example 1
             */
            connection_secrets: number;
            /** @description What each key seals afterwards (as `GET /v1/key-encryption-keys`). */
            items: components["schemas"]["KeyEncryptionKeyDto"][];
            /**
             * @description Sealed members of live protocol state re-encrypted.
             * @example 1
             */
            protocol_state: number;
            /**
             * @description The key everything was re-encrypted under.
             * @example 2026-12
             */
            sealing_key_id: string;
            /**
             * @description Private signing keys re-encrypted.
             * @example 12
             */
            signing_keys: number;
            /**
             * @description Users' TOTP authenticator secrets re-encrypted.
             * @example 3
             */
            totp_secrets: number;
        };
        RevocationRequest: {
            /** @description A JWT signed with the client secret (`client_secret_jwt`, HS256) or with one of the client keys (`private_key_jwt`). */
            client_assertion?: string;
            /**
             * @description `client_secret_jwt` and `private_key_jwt` (RFC 7523).
             * @enum {string}
             */
            client_assertion_type?: "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
            /**
             * @description The client identifier: required of a public client (`none`) and with `client_secret_post`; optional with a client assertion.
             * @example s6BhdRkqt3
             */
            client_id?: string;
            /** @description `client_secret_post`: the client secret in the body. */
            client_secret?: string;
            /** @description The access or refresh token to revoke; revoking a refresh token revokes its grant. */
            token: string;
            /**
             * @description Where to look first; the others are looked in too.
             * @enum {string}
             */
            token_type_hint?: "access_token" | "refresh_token" | "client_credentials";
        };
        SessionDto: {
            /**
             * @description Clients the user authorized in this session.
             * @example [
             *       "b3Jk1xQ2"
             *     ]
             */
            client_ids: string[];
            /**
             * Format: date-time
             * @example 2026-12-13T10:00:00.000Z
             */
            expires_at: string | null;
            /**
             * @description Opaque identifier of the session (not the cookie value).
             * @example sxXuFeqc6pmV4kq0
             */
            session_id: string;
            /**
             * Format: date-time
             * @description When the user signed in.
             * @example 2026-11-29T10:00:00.000Z
             */
            signed_in_at: string;
            /**
             * Format: uuid
             * @description The signed-in user (`sub`).
             * @example 9b2f1c4e-3a7d-4e8b-b5c6-0d1e2f3a4b5c
             */
            user_id: string;
        };
        SessionPageDto: {
            items: components["schemas"]["SessionDto"][];
            /**
             * @description Cursor of the next page; null on the last page.
             * @example eyJrIjoiYWNtZSJ9
             */
            next_cursor: string | null;
        };
        SignInPolicyDto: {
            /**
             * @description Days, from when enrollment (or `second_factor: always`) became required, during which users may choose "Not now".
             * @default 0
             * @example 14
             */
            enrollment_grace_days?: number;
            /**
             * @description Users without a second factor must enroll one at their next sign-in (after the grace period, if any).
             * @default false
             * @example true
             */
            enrollment_required?: boolean;
            /**
             * @description Factors people may sign in with. `password`; `passkey` (a discoverable WebAuthn credential that verifies its user: signs in alone, or follows a password); `totp` (an authenticator app); `security_key` (a WebAuthn credential after the password); `recovery_code` (single-use codes, made when a first second factor is enrolled). A factor left out is neither offered nor accepted, even if enrolled. Must hold `password` or `passkey`.
             * @default [
             *       "password",
             *       "passkey",
             *       "totp",
             *       "security_key",
             *       "recovery_code"
             *     ]
             * @example [
             *       "password",
             *       "passkey",
             *       "totp"
             *     ]
             */
            factors?: ("password" | "passkey" | "totp" | "security_key" | "recovery_code")[];
            /**
             * @description A first sign-in through a connection joins the tenant's user with the same email address when the connection asserts it verified (`email_verified: true`). Off, it never joins an existing user by email: only trust connections whose verified emails you would trust as your own.
             * @default false
             * @example false
             */
            link_verified_email?: boolean;
            /**
             * @description When a sign-in needs a second factor besides what the relying party asks (`acr_values`, an essential `acr` claim) and the client's `minimum_acr`: `when_enrolled` (of every user who holds one), `always` (of everyone; users without one enroll first) or `when_asked` (only when the relying party or the client asks).
             * @default when_enrolled
             * @example always
             * @enum {string}
             */
            second_factor?: "when_enrolled" | "always" | "when_asked";
        };
        SignInPolicyViewDto: {
            /**
             * @description Days, from when enrollment (or `second_factor: always`) became required, during which users may choose "Not now".
             * @example 0
             */
            enrollment_grace_days: number;
            /**
             * @description Users without a second factor must enroll one at their next sign-in (after the grace period, if any).
             * @example false
             */
            enrollment_required: boolean;
            /**
             * Format: date-time
             * @description When enrollment (or `second_factor: always`) became required: the start of the grace period. Null when neither is.
             */
            enrollment_required_since: string | null;
            /**
             * @description Factors people may sign in with. `password`; `passkey` (a discoverable WebAuthn credential that verifies its user: signs in alone, or follows a password); `totp` (an authenticator app); `security_key` (a WebAuthn credential after the password); `recovery_code` (single-use codes, made when a first second factor is enrolled). A factor left out is neither offered nor accepted, even if enrolled. Must hold `password` or `passkey`.
             * @example [
             *       "password",
             *       "passkey",
             *       "totp",
             *       "security_key",
             *       "recovery_code"
             *     ]
             */
            factors: ("password" | "passkey" | "totp" | "security_key" | "recovery_code")[];
            /**
             * @description A first sign-in through a connection joins the tenant's user with the same email address when the connection asserts it verified (`email_verified: true`). Off, it never joins an existing user by email: only trust connections whose verified emails you would trust as your own.
             * @example false
             */
            link_verified_email: boolean;
            /**
             * @description When a sign-in needs a second factor besides what the relying party asks (`acr_values`, an essential `acr` claim) and the client's `minimum_acr`: `when_enrolled` (of every user who holds one), `always` (of everyone; users without one enroll first) or `when_asked` (only when the relying party or the client asks).
             * @example when_enrolled
             * @enum {string}
             */
            second_factor: "when_enrolled" | "always" | "when_asked";
        };
        TenantDto: {
            /**
             * @description Seconds.
             * @example 3600
             */
            access_token_ttl: number;
            /** @example #0a7d4f */
            brand_color: string | null;
            /**
             * Format: date-time
             * @example 2026-11-23T15:00:00.000Z
             */
            created_at: string;
            /** @example Acme Corp */
            display_name: string;
            /** @example true */
            enabled: boolean;
            /**
             * @example [
             *       "authorization_code",
             *       "refresh_token",
             *       "client_credentials",
             *       "implicit",
             *       "urn:ietf:params:oauth:grant-type:device_code"
             *     ]
             */
            grant_types: ("authorization_code" | "refresh_token" | "client_credentials" | "implicit" | "urn:ietf:params:oauth:grant-type:device_code")[];
            /**
             * @description Seconds.
             * @example 3600
             */
            id_token_ttl: number;
            /**
             * @description The issuer identifier: PUBLIC_URL/{issuer_id}.
             * @example https://id.example.com/acme
             */
            issuer: string;
            /** @example acme */
            issuer_id: string;
            /**
             * @description 0 = manual rotation only.
             * @example 90
             */
            key_rotation_days: number;
            /** @example https://cdn.example.com/acme.svg */
            logo_url: string | null;
            /**
             * @description Seconds.
             * @example 1209600
             */
            refresh_token_ttl: number;
            /**
             * @description Dynamic client registration: off, initial_access_token or open.
             * @example off
             * @enum {string}
             */
            registration: "off" | "initial_access_token" | "open";
            /**
             * @description PKCE required of every client, confidential ones included.
             * @example false
             */
            require_pkce_for_all_clients: boolean;
            /** @description Which factors sign people in and when a second one is needed. */
            sign_in_policy: components["schemas"]["SignInPolicyViewDto"];
            /**
             * @example RS256
             * @enum {string}
             */
            signing_alg: "RS256" | "ES256" | "EdDSA";
            /**
             * Format: date-time
             * @example 2026-11-23T15:00:00.000Z
             */
            updated_at: string;
        };
        TenantExportDto: {
            clients: components["schemas"]["ExportedClientDto"][];
            /** Format: date-time */
            exported_at?: string;
            /**
             * @example portcullis.tenant.v1
             * @enum {string}
             */
            format: "portcullis.tenant.v1";
            /** @description The tenant and its options. Change issuer_id to import it under another name. */
            tenant: components["schemas"]["CreateTenantDto"];
            users: components["schemas"]["ExportedUserDto"][];
        };
        TenantImportResultDto: {
            /** @description The clients, each confidential one with its new secret (shown only in this answer). */
            clients: components["schemas"]["ClientWithSecretDto"][];
            tenant: components["schemas"]["TenantDto"];
            /** @description The users. They have no password until one is set (PATCH the user). */
            users: components["schemas"]["UserDto"][];
        };
        TenantPageDto: {
            items: components["schemas"]["TenantDto"][];
            /**
             * @description Cursor of the next page; null on the last page.
             * @example eyJrIjoiYWNtZSJ9
             */
            next_cursor: string | null;
        };
        TokenError: {
            /**
             * @description RFC 6749 §5.2; invalid_target (RFC 8707) for a resource the client may not ask for; authorization_pending, slow_down, expired_token and access_denied while polling a device code (RFC 8628 §3.5); invalid_dpop_proof and use_dpop_nonce (RFC 9449).
             * @enum {string}
             */
            error: "invalid_request" | "invalid_client" | "invalid_grant" | "unauthorized_client" | "unsupported_grant_type" | "invalid_scope" | "invalid_target" | "authorization_pending" | "slow_down" | "expired_token" | "access_denied" | "invalid_dpop_proof" | "use_dpop_nonce";
            /** @example grant request is invalid */
            error_description?: string;
        };
        TokenRequest: {
            /** @description A JWT signed with the client secret (`client_secret_jwt`, HS256) or with one of the client keys (`private_key_jwt`). */
            client_assertion?: string;
            /**
             * @description `client_secret_jwt` and `private_key_jwt` (RFC 7523).
             * @enum {string}
             */
            client_assertion_type?: "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
            /**
             * @description The client identifier: required of a public client (`none`) and with `client_secret_post`; optional with a client assertion.
             * @example s6BhdRkqt3
             */
            client_id?: string;
            /** @description `client_secret_post`: the client secret in the body. */
            client_secret?: string;
            /** @description authorization_code: the code received from the authorization endpoint. */
            code?: string;
            /** @description authorization_code: the PKCE code verifier (RFC 7636), when the authorization request carried a code_challenge. */
            code_verifier?: string;
            /** @description urn:ietf:params:oauth:grant-type:device_code: the device_code from the device authorization endpoint. */
            device_code?: string;
            /**
             * @description The type of grant being presented.
             * @enum {string}
             */
            grant_type: "authorization_code" | "refresh_token" | "client_credentials" | "urn:ietf:params:oauth:grant-type:device_code";
            /**
             * Format: uri
             * @description authorization_code: the redirect_uri of the authorization request.
             */
            redirect_uri?: string;
            /** @description refresh_token: the refresh token. Each use rotates it; a used one revokes the whole grant. */
            refresh_token?: string;
            /**
             * Format: uri
             * @description RFC 8707 resource indicator: the API the access token is for (a JWT access token with that audience); one the client registered in allowed_resources.
             * @example https://api.example.com
             */
            resource?: string;
            /**
             * @description Space-delimited scopes: a subset of those granted (refresh_token), or those wanted (client_credentials).
             * @example openid profile
             */
            scope?: string;
        };
        TokenResponse: {
            /** @description The access token: opaque, or a JWT (RFC 9068) for a resource indicator or a client registered with access_token_format jwt. */
            access_token: string;
            /**
             * @description Lifetime of the access token in seconds (the tenant option access_token_ttl).
             * @example 3600
             */
            expires_in: number;
            /** @description The ID token (a JWT signed with the issuer key), when the grant has the openid scope. */
            id_token?: string;
            /** @description A refresh token: for grants with offline_access to a client registered for refresh_token. */
            refresh_token?: string;
            /**
             * @description The scopes granted.
             * @example openid profile offline_access
             */
            scope?: string;
            /**
             * @description Bearer, or DPoP when the request carried a DPoP proof (RFC 9449).
             * @enum {string}
             */
            token_type: "Bearer" | "DPoP";
        };
        UpdateConnectionDto: {
            /**
             * @description Upstream `acr` → the Portcullis `acr` a sign-in through it counts as. An upstream `acr` not named counts as a password.
             * @default {}
             * @example {
             *       "http://schemas.openid.net/pape/policies/2007/06/multi-factor": "urn:portcullis:acr:mfa"
             *     }
             */
            acr_mapping?: {
                [key: string]: "urn:portcullis:acr:password" | "urn:portcullis:acr:mfa" | "phr";
            };
            /**
             * @description Upstream claim → the user attribute it fills. Default: each standard claim to itself. Given, it replaces the default whole. `sub` is never mapped: the link keeps the upstream's.
             * @example {
             *       "email": "email",
             *       "email_verified": "email_verified",
             *       "name": "name",
             *       "upn": "preferred_username"
             *     }
             */
            claim_mapping?: {
                [key: string]: "email" | "email_verified" | "name" | "given_name" | "family_name" | "middle_name" | "nickname" | "preferred_username" | "picture" | "locale" | "zoneinfo" | "phone_number";
            };
            /**
             * @description The client id Portcullis has at the upstream.
             * @example portcullis-acme
             */
            client_id?: string;
            /**
             * @description The client secret Portcullis has at the upstream (`client_secret_basic`). Sealed at rest; never returned.
             * @example upstream-client-secret
             */
            client_secret?: string;
            /**
             * @description The label of its button on the sign-in page.
             * @example Acme Corp
             */
            display_name?: string;
            /**
             * @description Lower-case email domains whose users sign in here (home-realm discovery from the email typed on the sign-in page). A domain belongs to one connection of a tenant. In an update, the list replaces the connection's domains.
             * @default []
             * @example [
             *       "acme.example"
             *     ]
             */
            email_domains?: string[];
            /**
             * @description Users of its email domains sign in only here: no password or passkey sign-in for them. Requires at least one email domain.
             * @default false
             * @example false
             */
            exclusive?: boolean;
            /**
             * Format: uri
             * @description The upstream's issuer identifier. It is discovered when given (OpenID Connect Discovery, under the provider check's address policy): its metadata must name exactly this issuer, with no error finding (see `POST /v1/providers/discover`).
             * @example https://login.acme.example/
             */
            issuer?: string;
            /**
             * @description Scopes asked of the upstream; must include `openid`.
             * @default [
             *       "openid",
             *       "email",
             *       "profile"
             *     ]
             * @example [
             *       "openid",
             *       "email",
             *       "profile"
             *     ]
             */
            scopes?: string[];
        };
        UpdateTenantDto: {
            /**
             * @description Lifetime of access tokens (all grants), in seconds. Default 3600.
             * @example 3600
             */
            access_token_ttl?: number;
            /**
             * @description Accent colour of sign-in pages.
             * @example #0a7d4f
             */
            brand_color?: string | null;
            /** @example Acme Corporation */
            display_name?: string;
            /** @example false */
            enabled?: boolean;
            /**
             * @description Grant types the tenant allows; clients register a subset. authorization_code and refresh_token are always allowed. Default: all.
             * @example [
             *       "authorization_code",
             *       "refresh_token",
             *       "client_credentials"
             *     ]
             */
            grant_types?: ("authorization_code" | "refresh_token" | "client_credentials" | "implicit" | "urn:ietf:params:oauth:grant-type:device_code")[];
            /**
             * @description Lifetime of ID tokens, in seconds. Default 3600.
             * @example 3600
             */
            id_token_ttl?: number;
            /**
             * @description Days after which the active signing key is rotated automatically; 0 = manual only.
             * @default 90
             * @example 90
             */
            key_rotation_days?: number;
            /**
             * Format: uri
             * @description https URL of the logo on sign-in pages.
             * @example https://cdn.example.com/acme.svg
             */
            logo_url?: string | null;
            /**
             * @description Lifetime of refresh tokens, in seconds. Default 1209600 (14 days).
             * @example 1209600
             */
            refresh_token_ttl?: number;
            /**
             * @description Dynamic client registration (RFC 7591, with RFC 7592 management): `off` (no registration endpoint), `initial_access_token` (each registration presents a token issued with POST …/initial-access-tokens) or `open` (anyone may register, within the rate limit).
             * @default off
             * @example initial_access_token
             * @enum {string}
             */
            registration?: "off" | "initial_access_token" | "open";
            /**
             * @description Require PKCE (S256) on the authorization requests of every client, confidential ones included (RFC 9700 §2.1.1). Public clients (token_endpoint_auth_method none) and clients registered with require_pkce need it whatever this says.
             * @default false
             * @example true
             */
            require_pkce_for_all_clients?: boolean;
            /** @description Which factors sign people in and when a second one is needed; an update changes only the members it names. Authentication levels (`acr`): `urn:portcullis:acr:password` (a password), `urn:portcullis:acr:mfa` (two factors), `phr` (a passkey or security key: phishing-resistant). */
            sign_in_policy?: components["schemas"]["SignInPolicyDto"];
        };
        UpdateUserDto: {
            address?: components["schemas"]["AddressDto"];
            /** @example 1990-01-31 */
            birthdate?: string;
            /** @example jane@example.com */
            email?: string;
            /** @example true */
            email_verified?: boolean;
            /** @example Doe */
            family_name?: string;
            /** @example female */
            gender?: string;
            /** @example Jane */
            given_name?: string;
            /** @example fr-FR */
            locale?: string;
            /** @example Marie */
            middle_name?: string;
            /** @example Jane Doe */
            name?: string;
            /** @example JD */
            nickname?: string;
            /**
             * @description Not only whitespace, and not one of the most commonly used passwords (whatever the case). A new password ends the user's sessions and revokes their tokens.
             * @example correct horse battery staple
             */
            password?: string;
            /** @example +33 1 23 45 67 89 */
            phone_number?: string;
            /** @example false */
            phone_number_verified?: boolean;
            /** @example https://example.com/jane.png */
            picture?: string;
            /** @example https://example.com/jane */
            profile?: string;
            /** @example jane.doe */
            username?: string;
            /** @example https://jane.example.com */
            website?: string;
            /** @example Europe/Paris */
            zoneinfo?: string;
        };
        UserDto: {
            address?: components["schemas"]["AddressDto"];
            /** @example 1990-01-31 */
            birthdate?: string;
            /**
             * Format: date-time
             * @example 2026-11-29T10:00:00.000Z
             */
            created_at: string;
            /** @example jane@example.com */
            email?: string;
            /** @example true */
            email_verified?: boolean;
            /** @example Doe */
            family_name?: string;
            /** @example female */
            gender?: string;
            /** @example Jane */
            given_name?: string;
            /** @example fr-FR */
            locale?: string;
            /** @example Marie */
            middle_name?: string;
            /** @example Jane Doe */
            name?: string;
            /** @example JD */
            nickname?: string;
            /** @example +33 1 23 45 67 89 */
            phone_number?: string;
            /** @example false */
            phone_number_verified?: boolean;
            /** @example https://example.com/jane.png */
            picture?: string;
            /** @example https://example.com/jane */
            profile?: string;
            /**
             * Format: date-time
             * @example 2026-11-29T10:00:00.000Z
             */
            updated_at: string;
            /**
             * Format: uuid
             * @description The `sub` of this user's tokens.
             * @example 9b2f1c4e-3a7d-4e8b-b5c6-0d1e2f3a4b5c
             */
            user_id: string;
            /** @example jane */
            username: string;
            /** @example https://jane.example.com */
            website?: string;
            /** @example Europe/Paris */
            zoneinfo?: string;
        };
        UserInfo: {
            /** @description address */
            address?: components["schemas"]["AddressDto"];
            /**
             * @description profile
             * @example 1990-01-31
             */
            birthdate?: string;
            /**
             * @description email
             * @example jane@example.com
             */
            email?: string;
            /**
             * @description email
             * @example true
             */
            email_verified?: boolean;
            /**
             * @description profile
             * @example Doe
             */
            family_name?: string;
            /** @description profile */
            gender?: string;
            /**
             * @description profile
             * @example Jane
             */
            given_name?: string;
            /**
             * @description profile
             * @example fr-FR
             */
            locale?: string;
            /** @description profile */
            middle_name?: string;
            /**
             * @description profile
             * @example Jane Doe
             */
            name?: string;
            /** @description profile */
            nickname?: string;
            /**
             * @description phone
             * @example +33 1 23 45 67 89
             */
            phone_number?: string;
            /**
             * @description phone
             * @example false
             */
            phone_number_verified?: boolean;
            /** @description profile */
            picture?: string;
            /**
             * @description profile: the username she signs in with.
             * @example jane
             */
            preferred_username?: string;
            /** @description profile */
            profile?: string;
            /**
             * @description The user id (user_id in the admin API).
             * @example 0c6f2225-3f87-4d14-ae46-91bbe50e1f99
             */
            sub: string;
            /**
             * @description profile: seconds since the epoch.
             * @example 1796181048
             */
            updated_at?: number;
            /** @description profile */
            website?: string;
            /**
             * @description profile
             * @example Europe/Paris
             */
            zoneinfo?: string;
        };
        UserInfoRequest: {
            /** @description The access token, when it is not in the Authorization header (never both). */
            access_token?: string;
        };
        UserPageDto: {
            items: components["schemas"]["UserDto"][];
            /**
             * @description Cursor of the next page; null on the last page.
             * @example eyJrIjoiYWNtZSJ9
             */
            next_cursor: string | null;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    authorizationServerMetadataInserted: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The issuer (tenant): PUBLIC_URL/{issuer_id} is its issuer identifier. */
                issuer_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuth2Metadata"];
                };
            };
            /** @description Not modified: the If-None-Match matched the ETag. */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Unknown or disabled issuer (not_found). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthError"];
                };
            };
            /** @description A method this path does not take (method_not_allowed). */
            405: {
                headers: {
                    /** @description The methods the path takes. */
                    Allow: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthError"];
                };
            };
            /** @description Too many requests from this client address to this issuer's endpoints (too_many_requests). */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthError"];
                };
            };
            /** @description Unexpected failure (server_error): no detail but a request_id, which finds the log line. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthError"];
                };
            };
            /** @description The database is out of reach, or a concurrent change got in the way (temporarily_unavailable): retry later. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthError"];
                };
            };
        };
    };
    openIdConfigurationInserted: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The issuer (tenant): PUBLIC_URL/{issuer_id} is its issuer identifier. */
                issuer_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpenIDConfiguration"];
                };
            };
            /** @description Not modified: the If-None-Match matched the ETag. */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Unknown or disabled issuer (not_found). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthError"];
                };
            };
            /** @description A method this path does not take (method_not_allowed). */
            405: {
                headers: {
                    /** @description The methods the path takes. */
                    Allow: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthError"];
                };
            };
            /** @description Too many requests from this client address to this issuer's endpoints (too_many_requests). */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthError"];
                };
            };
            /** @description Unexpected failure (server_error): no detail but a request_id, which finds the log line. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthError"];
                };
            };
            /** @description The database is out of reach, or a concurrent change got in the way (temporarily_unavailable): retry later. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthError"];
                };
            };
        };
    };
    listAdminKeys: {
        parameters: {
            query?: {
                /** @description Page size. */
                limit?: number;
                /** @description Opaque cursor: the `next_cursor` of the previous page. */
                cursor?: string;
                /** @description Only keys limited to this tenant. */
                issuer_id?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminKeyPageDto"];
                };
            };
            /** @description Missing or wrong admin API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "unauthorized",
                     *       "message": "A valid admin API key is required: Authorization: Bearer <key>."
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
            /** @description A key limited to one tenant: use the routes of that tenant. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "forbidden",
                     *       "message": "This key manages tenant 'acme' only; this route is for keys of all tenants."
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
            /** @description Invalid filters, each named in `details`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "details": [
                     *         {
                     *           "field": "limit",
                     *           "message": "must be an integer between 1 and 200"
                     *         }
                     *       ],
                     *       "error": "validation_failed",
                     *       "message": "The request has invalid fields; see details."
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
            /** @description Too many wrong admin keys from this client address; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "too_many_requests",
                     *       "message": "Too many requests; retry after 30 s."
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
        };
    };
    createAdminKey: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateAdminKeyDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminKeyWithSecretDto"];
                };
            };
            /** @description The body is not valid JSON, or nests objects and arrays more than 32 levels deep. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "invalid_json",
                     *       "message": "The request body is not valid JSON."
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
            /** @description Missing or wrong admin API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "unauthorized",
                     *       "message": "A valid admin API key is required: Authorization: Bearer <key>."
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
            /** @description A key limited to one tenant: use the routes of that tenant. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "forbidden",
                     *       "message": "This key manages tenant 'acme' only; this route is for keys of all tenants."
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
            /** @description The body is larger than the limit. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "payload_too_large",
                     *       "message": "The request body is larger than 1048576 bytes."
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
            /** @description The body is not `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "unsupported_media_type",
                     *       "message": "The request body must be JSON (Content-Type: application/json)."
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
            /** @description Invalid fields, each named in `details`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "details": [
                     *         {
                     *           "field": "issuer_id",
                     *           "message": "tenant 'acme' does not exist"
                     *         }
                     *       ],
                     *       "error": "validation_failed",
                     *       "message": "The request has invalid fields; see details."
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
            /** @description Too many wrong admin keys from this client address; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "too_many_requests",
                     *       "message": "Too many requests; retry after 30 s."
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
        };
    };
    getAdminKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminKeyDto"];
                };
            };
            /** @description Missing or wrong admin API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "unauthorized",
                     *       "message": "A valid admin API key is required: Authorization: Bearer <key>."
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
            /** @description A key limited to one tenant: use the routes of that tenant. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "forbidden",
                     *       "message": "This key manages tenant 'acme' only; this route is for keys of all tenants."
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
            /** @description No such key. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "not_found",
                     *       "message": "admin key '5f0c2a7e-8d1b-4c3a-9e6f-2b7d4a1c8e90' does not exist"
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
            /** @description Too many wrong admin keys from this client address; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "too_many_requests",
                     *       "message": "Too many requests; retry after 30 s."
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
        };
    };
    revokeAdminKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Revoked. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing or wrong admin API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "unauthorized",
                     *       "message": "A valid admin API key is required: Authorization: Bearer <key>."
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
            /** @description A key limited to one tenant: use the routes of that tenant. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "forbidden",
                     *       "message": "This key manages tenant 'acme' only; this route is for keys of all tenants."
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
            /** @description No such key. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "not_found",
                     *       "message": "admin key '5f0c2a7e-8d1b-4c3a-9e6f-2b7d4a1c8e90' does not exist"
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
            /** @description Too many wrong admin keys from this client address; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "too_many_requests",
                     *       "message": "Too many requests; retry after 30 s."
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
        };
    };
    listAuditEvents: {
        parameters: {
            query?: {
                /** @description Page size. */
                limit?: number;
                /** @description Opaque cursor: the `next_cursor` of the previous page. */
                cursor?: string;
                /** @description Only events about this kind of resource: tenant, client, user, key, session, admin_key, connection. */
                resource_type?: string;
                /** @description Only events about this resource (with resource_type). */
                resource_id?: string;
                action?: string;
                /** @description Only events at or after this time (RFC 3339). */
                since?: string;
                /** @description Only events before this time (RFC 3339). */
                until?: string;
                /** @description Only events of this tenant (it may since have been deleted). */
                issuer_id?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditEventPageDto"];
                };
            };
            /** @description Missing or wrong admin API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "unauthorized",
                     *       "message": "A valid admin API key is required: Authorization: Bearer <key>."
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
            /** @description A key limited to one tenant: use the routes of that tenant. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "forbidden",
                     *       "message": "This key manages tenant 'acme' only; this route is for keys of all tenants."
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
            /** @description Invalid filters, each named in `details`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "details": [
                     *         {
                     *           "field": "since",
                     *           "message": "must be an ISO 8601 date-time"
                     *         }
                     *       ],
                     *       "error": "validation_failed",
                     *       "message": "The request has invalid fields; see details."
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
            /** @description Too many wrong admin keys from this client address; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "too_many_requests",
                     *       "message": "Too many requests; retry after 30 s."
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
        };
    };
    listKeyEncryptionKeys: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["KeyEncryptionKeyListDto"];
                };
            };
            /** @description Missing or wrong admin API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "unauthorized",
                     *       "message": "A valid admin API key is required: Authorization: Bearer <key>."
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
            /** @description A key limited to one tenant: use the routes of that tenant. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "forbidden",
                     *       "message": "This key manages tenant 'acme' only; this route is for keys of all tenants."
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
            /** @description Too many wrong admin keys from this client address; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "too_many_requests",
                     *       "message": "Too many requests; retry after 30 s."
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
        };
    };
    reEncrypt: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReEncryptionDto"];
                };
            };
            /** @description Missing or wrong admin API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "unauthorized",
                     *       "message": "A valid admin API key is required: Authorization: Bearer <key>."
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
            /** @description A key limited to one tenant: use the routes of that tenant. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "forbidden",
                     *       "message": "This key manages tenant 'acme' only; this route is for keys of all tenants."
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
            /** @description Too many wrong admin keys from this client address; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "too_many_requests",
                     *       "message": "Too many requests; retry after 30 s."
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
        };
    };
    discoverProvider: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DiscoverProviderRequest"];
            };
        };
        responses: {
            /** @description The check ran; problems are in `findings`. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DiscoverProviderResponse"];
                };
            };
            /** @description The body is not valid JSON, or nests objects and arrays more than 32 levels deep. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "invalid_json",
                     *       "message": "The request body is not valid JSON."
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
            /** @description Missing or wrong admin API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "unauthorized",
                     *       "message": "A valid admin API key is required: Authorization: Bearer <key>."
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
            /** @description A key limited to one tenant: use the routes of that tenant. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "forbidden",
                     *       "message": "This key manages tenant 'acme' only; this route is for keys of all tenants."
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
            /** @description The body is larger than the limit. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "payload_too_large",
                     *       "message": "The request body is larger than 1048576 bytes."
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
            /** @description The body is not `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "unsupported_media_type",
                     *       "message": "The request body must be JSON (Content-Type: application/json)."
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
            /** @description `issuer` missing, not an absolute https URL, or an unknown field; each named in `details`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "details": [
                     *         {
                     *           "field": "issuer",
                     *           "message": "is required"
                     *         }
                     *       ],
                     *       "error": "validation_failed",
                     *       "message": "The request has invalid fields; see details."
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
            /** @description Too many checks with this admin key, or too many wrong admin keys from this client address; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "too_many_requests",
                     *       "message": "Too many requests; retry after 30 s."
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
        };
    };
    listTenants: {
        parameters: {
            query?: {
                /** @description Page size. */
                limit?: number;
                /** @description Opaque cursor: the `next_cursor` of the previous page. */
                cursor?: string;
                /** @description Only enabled (`true`) or only disabled (`false`) tenants. */
                enabled?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TenantPageDto"];
                };
            };
            /** @description Missing or wrong admin API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "unauthorized",
                     *       "message": "A valid admin API key is required: Authorization: Bearer <key>."
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
            /** @description A key limited to one tenant: use the routes of that tenant. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "forbidden",
                     *       "message": "This key manages tenant 'acme' only; this route is for keys of all tenants."
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
            /** @description Invalid filters, each named in `details`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "details": [
                     *         {
                     *           "field": "limit",
                     *           "message": "must be an integer between 1 and 200"
                     *         }
                     *       ],
                     *       "error": "validation_failed",
                     *       "message": "The request has invalid fields; see details."
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
            /** @description Too many wrong admin keys from this client address; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "too_many_requests",
                     *       "message": "Too many requests; retry after 30 s."
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
        };
    };
    createTenant: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateTenantDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TenantDto"];
                };
            };
            /** @description The body is not valid JSON, or nests objects and arrays more than 32 levels deep. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "invalid_json",
                     *       "message": "The request body is not valid JSON."
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
            /** @description Missing or wrong admin API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "unauthorized",
                     *       "message": "A valid admin API key is required: Authorization: Bearer <key>."
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
            /** @description A key limited to one tenant: use the routes of that tenant. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "forbidden",
                     *       "message": "This key manages tenant 'acme' only; this route is for keys of all tenants."
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
            /** @description A tenant with this issuer_id exists. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "conflict",
                     *       "message": "tenant 'acme' already exists"
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
            /** @description The body is larger than the limit. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "payload_too_large",
                     *       "message": "The request body is larger than 1048576 bytes."
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
            /** @description The body is not `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "unsupported_media_type",
                     *       "message": "The request body must be JSON (Content-Type: application/json)."
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
            /** @description Invalid fields, each named in `details`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "details": [
                     *         {
                     *           "field": "issuer_id",
                     *           "message": "must match ^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])$"
                     *         }
                     *       ],
                     *       "error": "validation_failed",
                     *       "message": "The request has invalid fields; see details."
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
            /** @description Too many wrong admin keys from this client address; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "too_many_requests",
                     *       "message": "Too many requests; retry after 30 s."
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
        };
    };
    importTenant: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TenantExportDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TenantImportResultDto"];
                };
            };
            /** @description The body is not valid JSON, or nests objects and arrays more than 32 levels deep. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "invalid_json",
                     *       "message": "The request body is not valid JSON."
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
            /** @description Missing or wrong admin API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "unauthorized",
                     *       "message": "A valid admin API key is required: Authorization: Bearer <key>."
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
            /** @description A key limited to one tenant: use the routes of that tenant. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "forbidden",
                     *       "message": "This key manages tenant 'acme' only; this route is for keys of all tenants."
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
            /** @description A tenant with this issuer_id exists. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "conflict",
                     *       "message": "tenant 'acme' already exists"
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
            /** @description The body is larger than the limit. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "payload_too_large",
                     *       "message": "The request body is larger than 1048576 bytes."
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
            /** @description The body is not `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "unsupported_media_type",
                     *       "message": "The request body must be JSON (Content-Type: application/json)."
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
            /** @description Invalid document, or a client or user the tenant refuses; each named in `details`. Nothing is created. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "details": [
                     *         {
                     *           "field": "clients[0].grant_types",
                     *           "message": "grant_types can only contain authorization_code, refresh_token"
                     *         }
                     *       ],
                     *       "error": "validation_failed",
                     *       "message": "The request has invalid fields; see details."
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
            /** @description Too many wrong admin keys from this client address; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "too_many_requests",
                     *       "message": "Too many requests; retry after 30 s."
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
        };
    };
    getTenant: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                issuer_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TenantDto"];
                };
            };
            /** @description Missing or wrong admin API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "unauthorized",
                     *       "message": "A valid admin API key is required: Authorization: Bearer <key>."
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
            /** @description No such tenant. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "not_found",
                     *       "message": "tenant 'acme' does not exist"
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
            /** @description Too many wrong admin keys from this client address; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "too_many_requests",
                     *       "message": "Too many requests; retry after 30 s."
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
        };
    };
    deleteTenant: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                issuer_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing or wrong admin API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "unauthorized",
                     *       "message": "A valid admin API key is required: Authorization: Bearer <key>."
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
            /** @description No such tenant. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "not_found",
                     *       "message": "tenant 'acme' does not exist"
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
            /** @description Too many wrong admin keys from this client address; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "too_many_requests",
                     *       "message": "Too many requests; retry after 30 s."
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
        };
    };
    updateTenant: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                issuer_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateTenantDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TenantDto"];
                };
            };
            /** @description The body is not valid JSON, or nests objects and arrays more than 32 levels deep. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "invalid_json",
                     *       "message": "The request body is not valid JSON."
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
            /** @description Missing or wrong admin API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "unauthorized",
                     *       "message": "A valid admin API key is required: Authorization: Bearer <key>."
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
            /** @description No such tenant. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "not_found",
                     *       "message": "tenant 'acme' does not exist"
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
            /** @description The body is larger than the limit. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "payload_too_large",
                     *       "message": "The request body is larger than 1048576 bytes."
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
            /** @description The body is not `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "unsupported_media_type",
                     *       "message": "The request body must be JSON (Content-Type: application/json)."
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
            /** @description Invalid fields, each named in `details`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "details": [
                     *         {
                     *           "field": "display_name",
                     *           "message": "must be 1-200 characters long"
                     *         }
                     *       ],
                     *       "error": "validation_failed",
                     *       "message": "The request has invalid fields; see details."
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
            /** @description Too many wrong admin keys from this client address; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "too_many_requests",
                     *       "message": "Too many requests; retry after 30 s."
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
        };
    };
    listTenantAuditEvents: {
        parameters: {
            query?: {
                /** @description Page size. */
                limit?: number;
                /** @description Opaque cursor: the `next_cursor` of the previous page. */
                cursor?: string;
                /** @description Only events about this kind of resource: tenant, client, user, key, session, admin_key, connection. */
                resource_type?: string;
                /** @description Only events about this resource (with resource_type). */
                resource_id?: string;
                action?: string;
                /** @description Only events at or after this time (RFC 3339). */
                since?: string;
                /** @description Only events before this time (RFC 3339). */
                until?: string;
            };
            header?: never;
            path: {
                issuer_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditEventPageDto"];
                };
            };
            /** @description Missing or wrong admin API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "unauthorized",
                     *       "message": "A valid admin API key is required: Authorization: Bearer <key>."
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
            /** @description No such tenant. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "not_found",
                     *       "message": "tenant 'acme' does not exist"
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
            /** @description Invalid filters, each named in `details`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "details": [
                     *         {
                     *           "field": "since",
                     *           "message": "must be an ISO 8601 date-time"
                     *         }
                     *       ],
                     *       "error": "validation_failed",
                     *       "message": "The request has invalid fields; see details."
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
            /** @description Too many wrong admin keys from this client address; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "too_many_requests",
                     *       "message": "Too many requests; retry after 30 s."
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
        };
    };
    listClients: {
        parameters: {
            query?: {
                /** @description Page size. */
                limit?: number;
                /** @description Opaque cursor: the `next_cursor` of the previous page. */
                cursor?: string;
                /** @description Only clients with exactly this name. */
                client_name?: string;
            };
            header?: never;
            path: {
                issuer_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClientPageDto"];
                };
            };
            /** @description Missing or wrong admin API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "unauthorized",
                     *       "message": "A valid admin API key is required: Authorization: Bearer <key>."
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
            /** @description No such tenant or client. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "not_found",
                     *       "message": "client 'b3Jk1xQ2' does not exist"
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
            /** @description Invalid filters, each named in `details`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "details": [
                     *         {
                     *           "field": "limit",
                     *           "message": "must be an integer between 1 and 200"
                     *         }
                     *       ],
                     *       "error": "validation_failed",
                     *       "message": "The request has invalid fields; see details."
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
            /** @description Too many wrong admin keys from this client address; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "too_many_requests",
                     *       "message": "Too many requests; retry after 30 s."
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
        };
    };
    createClient: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                issuer_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ClientMetadataDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClientWithSecretDto"];
                };
            };
            /** @description The body is not valid JSON, or nests objects and arrays more than 32 levels deep. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "invalid_json",
                     *       "message": "The request body is not valid JSON."
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
            /** @description Missing or wrong admin API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "unauthorized",
                     *       "message": "A valid admin API key is required: Authorization: Bearer <key>."
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
            /** @description No such tenant or client. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "not_found",
                     *       "message": "client 'b3Jk1xQ2' does not exist"
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
            /** @description The body is larger than the limit. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "payload_too_large",
                     *       "message": "The request body is larger than 1048576 bytes."
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
            /** @description The body is not `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "unsupported_media_type",
                     *       "message": "The request body must be JSON (Content-Type: application/json)."
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
            /** @description Invalid metadata, each field named in `details`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "details": [
                     *         {
                     *           "field": "redirect_uris",
                     *           "message": "must be an array of URIs"
                     *         }
                     *       ],
                     *       "error": "validation_failed",
                     *       "message": "The request has invalid fields; see details."
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
            /** @description Too many wrong admin keys from this client address; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "too_many_requests",
                     *       "message": "Too many requests; retry after 30 s."
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
        };
    };
    getClient: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                issuer_id: string;
                client_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClientDto"];
                };
            };
            /** @description Missing or wrong admin API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "unauthorized",
                     *       "message": "A valid admin API key is required: Authorization: Bearer <key>."
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
            /** @description No such tenant or client. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "not_found",
                     *       "message": "client 'b3Jk1xQ2' does not exist"
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
            /** @description Too many wrong admin keys from this client address; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "too_many_requests",
                     *       "message": "Too many requests; retry after 30 s."
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
        };
    };
    deleteClient: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                issuer_id: string;
                client_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing or wrong admin API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "unauthorized",
                     *       "message": "A valid admin API key is required: Authorization: Bearer <key>."
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
            /** @description No such tenant or client. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "not_found",
                     *       "message": "client 'b3Jk1xQ2' does not exist"
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
            /** @description Too many wrong admin keys from this client address; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "too_many_requests",
                     *       "message": "Too many requests; retry after 30 s."
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
        };
    };
    updateClient: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                issuer_id: string;
                client_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ClientMetadataDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClientWithSecretDto"];
                };
            };
            /** @description The body is not valid JSON, or nests objects and arrays more than 32 levels deep. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "invalid_json",
                     *       "message": "The request body is not valid JSON."
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
            /** @description Missing or wrong admin API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "unauthorized",
                     *       "message": "A valid admin API key is required: Authorization: Bearer <key>."
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
            /** @description No such tenant or client. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "not_found",
                     *       "message": "client 'b3Jk1xQ2' does not exist"
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
            /** @description The body is larger than the limit. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "payload_too_large",
                     *       "message": "The request body is larger than 1048576 bytes."
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
            /** @description The body is not `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "unsupported_media_type",
                     *       "message": "The request body must be JSON (Content-Type: application/json)."
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
            /** @description Invalid metadata, each field named in `details`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "details": [
                     *         {
                     *           "field": "redirect_uris",
                     *           "message": "must be an array of URIs"
                     *         }
                     *       ],
                     *       "error": "validation_failed",
                     *       "message": "The request has invalid fields; see details."
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
            /** @description Too many wrong admin keys from this client address; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "too_many_requests",
                     *       "message": "Too many requests; retry after 30 s."
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
        };
    };
    rotateClientSecret: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                issuer_id: string;
                client_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClientWithSecretDto"];
                };
            };
            /** @description Missing or wrong admin API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "unauthorized",
                     *       "message": "A valid admin API key is required: Authorization: Bearer <key>."
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
            /** @description No such tenant or client. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "not_found",
                     *       "message": "client 'b3Jk1xQ2' does not exist"
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
            /** @description The client has no secret (public or private_key_jwt). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "conflict",
                     *       "message": "client 'b3Jk1xQ2' authenticates with none and has no secret"
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
            /** @description Too many wrong admin keys from this client address; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "too_many_requests",
                     *       "message": "Too many requests; retry after 30 s."
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
        };
    };
    listConnections: {
        parameters: {
            query?: {
                /** @description Page size. */
                limit?: number;
                /** @description Opaque cursor: the `next_cursor` of the previous page. */
                cursor?: string;
            };
            header?: never;
            path: {
                issuer_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConnectionPageDto"];
                };
            };
            /** @description Missing or wrong admin API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "unauthorized",
                     *       "message": "A valid admin API key is required: Authorization: Bearer <key>."
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
            /** @description No such tenant or connection. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "not_found",
                     *       "message": "connection '6a1f0c3e-2b4d-4e8f-9a0b-1c2d3e4f5a6b' does not exist"
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
            /** @description Invalid paging, each field named in `details`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "details": [
                     *         {
                     *           "field": "limit",
                     *           "message": "must be an integer between 1 and 200"
                     *         }
                     *       ],
                     *       "error": "validation_failed",
                     *       "message": "The request has invalid fields; see details."
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
            /** @description Too many wrong admin keys from this client address; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "too_many_requests",
                     *       "message": "Too many requests; retry after 30 s."
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
        };
    };
    createConnection: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                issuer_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateConnectionDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConnectionDto"];
                };
            };
            /** @description The body is not valid JSON, or nests objects and arrays more than 32 levels deep. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "invalid_json",
                     *       "message": "The request body is not valid JSON."
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
            /** @description Missing or wrong admin API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "unauthorized",
                     *       "message": "A valid admin API key is required: Authorization: Bearer <key>."
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
            /** @description No such tenant or connection. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "not_found",
                     *       "message": "connection '6a1f0c3e-2b4d-4e8f-9a0b-1c2d3e4f5a6b' does not exist"
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
            /** @description The name, or an email domain, is taken by another connection of the tenant. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "conflict",
                     *       "message": "email domain 'acme.example' is served by connection 'acme' of this tenant"
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
            /** @description The body is larger than the limit. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "payload_too_large",
                     *       "message": "The request body is larger than 1048576 bytes."
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
            /** @description The body is not `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "unsupported_media_type",
                     *       "message": "The request body must be JSON (Content-Type: application/json)."
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
            /** @description Invalid fields, each named in `details`; among them an issuer whose discovery failed, named another issuer or found an error. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "details": [
                     *         {
                     *           "field": "issuer",
                     *           "message": "is not a usable OpenID Provider: No usable metadata for https://login.acme.example/ at https://login.acme.example/.well-known/openid-configuration."
                     *         }
                     *       ],
                     *       "error": "validation_failed",
                     *       "message": "The request has invalid fields; see details."
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
            /** @description Too many wrong admin keys from this client address; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "too_many_requests",
                     *       "message": "Too many requests; retry after 30 s."
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
        };
    };
    getConnection: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                issuer_id: string;
                connection_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConnectionDto"];
                };
            };
            /** @description Missing or wrong admin API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "unauthorized",
                     *       "message": "A valid admin API key is required: Authorization: Bearer <key>."
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
            /** @description No such tenant or connection. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "not_found",
                     *       "message": "connection '6a1f0c3e-2b4d-4e8f-9a0b-1c2d3e4f5a6b' does not exist"
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
            /** @description Too many wrong admin keys from this client address; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "too_many_requests",
                     *       "message": "Too many requests; retry after 30 s."
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
        };
    };
    deleteConnection: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                issuer_id: string;
                connection_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing or wrong admin API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "unauthorized",
                     *       "message": "A valid admin API key is required: Authorization: Bearer <key>."
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
            /** @description No such tenant or connection. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "not_found",
                     *       "message": "connection '6a1f0c3e-2b4d-4e8f-9a0b-1c2d3e4f5a6b' does not exist"
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
            /** @description Too many wrong admin keys from this client address; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "too_many_requests",
                     *       "message": "Too many requests; retry after 30 s."
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
        };
    };
    updateConnection: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                issuer_id: string;
                connection_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateConnectionDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConnectionDto"];
                };
            };
            /** @description The body is not valid JSON, or nests objects and arrays more than 32 levels deep. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "invalid_json",
                     *       "message": "The request body is not valid JSON."
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
            /** @description Missing or wrong admin API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "unauthorized",
                     *       "message": "A valid admin API key is required: Authorization: Bearer <key>."
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
            /** @description No such tenant or connection. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "not_found",
                     *       "message": "connection '6a1f0c3e-2b4d-4e8f-9a0b-1c2d3e4f5a6b' does not exist"
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
            /** @description The name, or an email domain, is taken by another connection of the tenant. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "conflict",
                     *       "message": "email domain 'acme.example' is served by connection 'acme' of this tenant"
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
            /** @description The body is larger than the limit. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "payload_too_large",
                     *       "message": "The request body is larger than 1048576 bytes."
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
            /** @description The body is not `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "unsupported_media_type",
                     *       "message": "The request body must be JSON (Content-Type: application/json)."
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
            /** @description Invalid fields, each named in `details`; among them an issuer whose discovery failed, named another issuer or found an error. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "details": [
                     *         {
                     *           "field": "issuer",
                     *           "message": "is not a usable OpenID Provider: No usable metadata for https://login.acme.example/ at https://login.acme.example/.well-known/openid-configuration."
                     *         }
                     *       ],
                     *       "error": "validation_failed",
                     *       "message": "The request has invalid fields; see details."
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
            /** @description Too many wrong admin keys from this client address; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "too_many_requests",
                     *       "message": "Too many requests; retry after 30 s."
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
        };
    };
    exportTenant: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                issuer_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TenantExportDto"];
                };
            };
            /** @description Missing or wrong admin API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "unauthorized",
                     *       "message": "A valid admin API key is required: Authorization: Bearer <key>."
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
            /** @description No such tenant. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "not_found",
                     *       "message": "tenant 'acme' does not exist"
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
            /** @description Too many wrong admin keys from this client address; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "too_many_requests",
                     *       "message": "Too many requests; retry after 30 s."
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
        };
    };
    listInitialAccessTokens: {
        parameters: {
            query?: {
                /** @description Page size. */
                limit?: number;
                /** @description Opaque cursor: the `next_cursor` of the previous page. */
                cursor?: string;
            };
            header?: never;
            path: {
                issuer_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InitialAccessTokenPageDto"];
                };
            };
            /** @description Missing or wrong admin API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "unauthorized",
                     *       "message": "A valid admin API key is required: Authorization: Bearer <key>."
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
            /** @description No such tenant (or initial access token). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "not_found",
                     *       "message": "tenant 'acme' does not exist"
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
            /** @description Invalid filters, each named in `details`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "details": [
                     *         {
                     *           "field": "limit",
                     *           "message": "must be an integer between 1 and 200"
                     *         }
                     *       ],
                     *       "error": "validation_failed",
                     *       "message": "The request has invalid fields; see details."
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
            /** @description Too many wrong admin keys from this client address; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "too_many_requests",
                     *       "message": "Too many requests; retry after 30 s."
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
        };
    };
    createInitialAccessToken: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                issuer_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateInitialAccessTokenDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InitialAccessTokenWithValueDto"];
                };
            };
            /** @description The body is not valid JSON, or nests objects and arrays more than 32 levels deep. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "invalid_json",
                     *       "message": "The request body is not valid JSON."
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
            /** @description Missing or wrong admin API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "unauthorized",
                     *       "message": "A valid admin API key is required: Authorization: Bearer <key>."
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
            /** @description No such tenant (or initial access token). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "not_found",
                     *       "message": "tenant 'acme' does not exist"
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
            /** @description The body is larger than the limit. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "payload_too_large",
                     *       "message": "The request body is larger than 1048576 bytes."
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
            /** @description The body is not `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "unsupported_media_type",
                     *       "message": "The request body must be JSON (Content-Type: application/json)."
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
            /** @description Invalid fields, each named in `details`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "details": [
                     *         {
                     *           "field": "expires_in",
                     *           "message": "must be an integer between 60 and 31536000"
                     *         }
                     *       ],
                     *       "error": "validation_failed",
                     *       "message": "The request has invalid fields; see details."
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
            /** @description Too many wrong admin keys from this client address; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "too_many_requests",
                     *       "message": "Too many requests; retry after 30 s."
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
        };
    };
    revokeInitialAccessToken: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                issuer_id: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Revoked. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing or wrong admin API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "unauthorized",
                     *       "message": "A valid admin API key is required: Authorization: Bearer <key>."
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
            /** @description No such tenant (or initial access token). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "not_found",
                     *       "message": "tenant 'acme' does not exist"
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
            /** @description Too many wrong admin keys from this client address; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "too_many_requests",
                     *       "message": "Too many requests; retry after 30 s."
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
        };
    };
    listKeys: {
        parameters: {
            query?: {
                /** @description Page size. */
                limit?: number;
                /** @description Opaque cursor: the `next_cursor` of the previous page. */
                cursor?: string;
            };
            header?: never;
            path: {
                issuer_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["KeyPageDto"];
                };
            };
            /** @description Missing or wrong admin API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "unauthorized",
                     *       "message": "A valid admin API key is required: Authorization: Bearer <key>."
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
            /** @description No such tenant (or key). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "not_found",
                     *       "message": "tenant 'acme' does not exist"
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
            /** @description Invalid paging, each field named in `details`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "details": [
                     *         {
                     *           "field": "limit",
                     *           "message": "must be an integer between 1 and 200"
                     *         }
                     *       ],
                     *       "error": "validation_failed",
                     *       "message": "The request has invalid fields; see details."
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
            /** @description Too many wrong admin keys from this client address; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "too_many_requests",
                     *       "message": "Too many requests; retry after 30 s."
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
        };
    };
    rotateKeys: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                issuer_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["KeyListDto"];
                };
            };
            /** @description Missing or wrong admin API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "unauthorized",
                     *       "message": "A valid admin API key is required: Authorization: Bearer <key>."
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
            /** @description No such tenant (or key). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "not_found",
                     *       "message": "tenant 'acme' does not exist"
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
            /** @description Too many wrong admin keys from this client address; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "too_many_requests",
                     *       "message": "Too many requests; retry after 30 s."
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
        };
    };
    deleteKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                issuer_id: string;
                kid: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Removed. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing or wrong admin API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "unauthorized",
                     *       "message": "A valid admin API key is required: Authorization: Bearer <key>."
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
            /** @description No such tenant (or key). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "not_found",
                     *       "message": "tenant 'acme' does not exist"
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
            /** @description The key is active or next. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "conflict",
                     *       "message": "key 'k-2026-11' is the active key; only retired keys can be removed (rotate first)"
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
            /** @description Too many wrong admin keys from this client address; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "too_many_requests",
                     *       "message": "Too many requests; retry after 30 s."
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
        };
    };
    listSessions: {
        parameters: {
            query?: {
                /** @description Page size. */
                limit?: number;
                /** @description Opaque cursor: the `next_cursor` of the previous page. */
                cursor?: string;
                /** @description Only this user's sessions. */
                user_id?: string;
            };
            header?: never;
            path: {
                issuer_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionPageDto"];
                };
            };
            /** @description Missing or wrong admin API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "unauthorized",
                     *       "message": "A valid admin API key is required: Authorization: Bearer <key>."
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
            /** @description No such tenant or session. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "not_found",
                     *       "message": "session 'sxXuFeqc6pmV' does not exist"
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
            /** @description Invalid filters, each named in `details`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "details": [
                     *         {
                     *           "field": "user_id",
                     *           "message": "must be a UUID"
                     *         }
                     *       ],
                     *       "error": "validation_failed",
                     *       "message": "The request has invalid fields; see details."
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
            /** @description Too many wrong admin keys from this client address; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "too_many_requests",
                     *       "message": "Too many requests; retry after 30 s."
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
        };
    };
    deleteSession: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                issuer_id: string;
                session_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Ended. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing or wrong admin API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "unauthorized",
                     *       "message": "A valid admin API key is required: Authorization: Bearer <key>."
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
            /** @description No such tenant or session. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "not_found",
                     *       "message": "session 'sxXuFeqc6pmV' does not exist"
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
            /** @description Too many wrong admin keys from this client address; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "too_many_requests",
                     *       "message": "Too many requests; retry after 30 s."
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
        };
    };
    listUsers: {
        parameters: {
            query?: {
                /** @description Page size. */
                limit?: number;
                /** @description Opaque cursor: the `next_cursor` of the previous page. */
                cursor?: string;
                /** @description Only the user with this email (any case). */
                email?: string;
                /** @description Only the user with this username (any case). */
                username?: string;
            };
            header?: never;
            path: {
                issuer_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserPageDto"];
                };
            };
            /** @description Missing or wrong admin API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "unauthorized",
                     *       "message": "A valid admin API key is required: Authorization: Bearer <key>."
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
            /** @description No such tenant or user. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "not_found",
                     *       "message": "user '0b6f6a2e-4a4e-4c59-9d0e-3f1f5d2c7a11' does not exist"
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
            /** @description Invalid filters, each named in `details`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "details": [
                     *         {
                     *           "field": "limit",
                     *           "message": "must be an integer between 1 and 200"
                     *         }
                     *       ],
                     *       "error": "validation_failed",
                     *       "message": "The request has invalid fields; see details."
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
            /** @description Too many wrong admin keys from this client address; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "too_many_requests",
                     *       "message": "Too many requests; retry after 30 s."
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
        };
    };
    createUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                issuer_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateUserDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserDto"];
                };
            };
            /** @description The body is not valid JSON, or nests objects and arrays more than 32 levels deep. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "invalid_json",
                     *       "message": "The request body is not valid JSON."
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
            /** @description Missing or wrong admin API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "unauthorized",
                     *       "message": "A valid admin API key is required: Authorization: Bearer <key>."
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
            /** @description No such tenant or user. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "not_found",
                     *       "message": "user '0b6f6a2e-4a4e-4c59-9d0e-3f1f5d2c7a11' does not exist"
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
            /** @description The username is taken in this tenant. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "conflict",
                     *       "message": "username 'jane' is taken in this tenant"
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
            /** @description The body is larger than the limit. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "payload_too_large",
                     *       "message": "The request body is larger than 1048576 bytes."
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
            /** @description The body is not `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "unsupported_media_type",
                     *       "message": "The request body must be JSON (Content-Type: application/json)."
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
            /** @description Invalid fields, each named in `details`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "details": [
                     *         {
                     *           "field": "email",
                     *           "message": "must be an email address"
                     *         }
                     *       ],
                     *       "error": "validation_failed",
                     *       "message": "The request has invalid fields; see details."
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
            /** @description Too many wrong admin keys from this client address; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "too_many_requests",
                     *       "message": "Too many requests; retry after 30 s."
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
        };
    };
    getUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                issuer_id: string;
                user_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserDto"];
                };
            };
            /** @description Missing or wrong admin API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "unauthorized",
                     *       "message": "A valid admin API key is required: Authorization: Bearer <key>."
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
            /** @description No such tenant or user. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "not_found",
                     *       "message": "user '0b6f6a2e-4a4e-4c59-9d0e-3f1f5d2c7a11' does not exist"
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
            /** @description Too many wrong admin keys from this client address; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "too_many_requests",
                     *       "message": "Too many requests; retry after 30 s."
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
        };
    };
    deleteUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                issuer_id: string;
                user_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted, with every session, grant, token and code of the user. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing or wrong admin API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "unauthorized",
                     *       "message": "A valid admin API key is required: Authorization: Bearer <key>."
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
            /** @description No such tenant or user. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "not_found",
                     *       "message": "user '0b6f6a2e-4a4e-4c59-9d0e-3f1f5d2c7a11' does not exist"
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
            /** @description Too many wrong admin keys from this client address; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "too_many_requests",
                     *       "message": "Too many requests; retry after 30 s."
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
        };
    };
    updateUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                issuer_id: string;
                user_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateUserDto"];
            };
        };
        responses: {
            /** @description Updated. After a password change, every session and token of the user is already revoked. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserDto"];
                };
            };
            /** @description The body is not valid JSON, or nests objects and arrays more than 32 levels deep. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "invalid_json",
                     *       "message": "The request body is not valid JSON."
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
            /** @description Missing or wrong admin API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "unauthorized",
                     *       "message": "A valid admin API key is required: Authorization: Bearer <key>."
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
            /** @description No such tenant or user. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "not_found",
                     *       "message": "user '0b6f6a2e-4a4e-4c59-9d0e-3f1f5d2c7a11' does not exist"
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
            /** @description The username is taken in this tenant. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "conflict",
                     *       "message": "username 'jane' is taken in this tenant"
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
            /** @description The body is larger than the limit. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "payload_too_large",
                     *       "message": "The request body is larger than 1048576 bytes."
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
            /** @description The body is not `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "unsupported_media_type",
                     *       "message": "The request body must be JSON (Content-Type: application/json)."
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
            /** @description Invalid fields, each named in `details`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "details": [
                     *         {
                     *           "field": "email",
                     *           "message": "must be an email address"
                     *         }
                     *       ],
                     *       "error": "validation_failed",
                     *       "message": "The request has invalid fields; see details."
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
            /** @description Too many wrong admin keys from this client address; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "too_many_requests",
                     *       "message": "Too many requests; retry after 30 s."
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
        };
    };
    listUserFactors: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                issuer_id: string;
                user_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FactorListDto"];
                };
            };
            /** @description Missing or wrong admin API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "unauthorized",
                     *       "message": "A valid admin API key is required: Authorization: Bearer <key>."
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
            /** @description No such tenant, user or factor. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "not_found",
                     *       "message": "user '0b6f6a2e-4a4e-4c59-9d0e-3f1f5d2c7a11' does not exist"
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
            /** @description Too many wrong admin keys from this client address; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "too_many_requests",
                     *       "message": "Too many requests; retry after 30 s."
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
        };
    };
    resetUserFactors: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                issuer_id: string;
                user_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FactorResetDto"];
                };
            };
            /** @description Missing or wrong admin API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "unauthorized",
                     *       "message": "A valid admin API key is required: Authorization: Bearer <key>."
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
            /** @description No such tenant, user or factor. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "not_found",
                     *       "message": "user '0b6f6a2e-4a4e-4c59-9d0e-3f1f5d2c7a11' does not exist"
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
            /** @description Too many wrong admin keys from this client address; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "too_many_requests",
                     *       "message": "Too many requests; retry after 30 s."
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
        };
    };
    deleteUserFactor: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                issuer_id: string;
                user_id: string;
                factor_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Removed. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing or wrong admin API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "unauthorized",
                     *       "message": "A valid admin API key is required: Authorization: Bearer <key>."
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
            /** @description No such tenant, user or factor. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "not_found",
                     *       "message": "user '0b6f6a2e-4a4e-4c59-9d0e-3f1f5d2c7a11' does not exist"
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
            /** @description Too many wrong admin keys from this client address; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "too_many_requests",
                     *       "message": "Too many requests; retry after 30 s."
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
        };
    };
    listUserLinks: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                issuer_id: string;
                user_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LinkListDto"];
                };
            };
            /** @description Missing or wrong admin API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "unauthorized",
                     *       "message": "A valid admin API key is required: Authorization: Bearer <key>."
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
            /** @description No such tenant, user or link. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "not_found",
                     *       "message": "user '0b6f6a2e-4a4e-4c59-9d0e-3f1f5d2c7a11' does not exist"
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
            /** @description Too many wrong admin keys from this client address; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "too_many_requests",
                     *       "message": "Too many requests; retry after 30 s."
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
        };
    };
    deleteUserLink: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                issuer_id: string;
                user_id: string;
                link_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Removed. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing or wrong admin API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "unauthorized",
                     *       "message": "A valid admin API key is required: Authorization: Bearer <key>."
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
            /** @description No such tenant, user or link. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "not_found",
                     *       "message": "user '0b6f6a2e-4a4e-4c59-9d0e-3f1f5d2c7a11' does not exist"
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
            /** @description Too many wrong admin keys from this client address; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "too_many_requests",
                     *       "message": "Too many requests; retry after 30 s."
                     *     }
                     */
                    "application/json": components["schemas"]["AdminErrorDto"];
                };
            };
        };
    };
    getJwks: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The issuer (tenant): PUBLIC_URL/{issuer_id} is its issuer identifier. */
                issuer_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/jwk-set+json": components["schemas"]["IssuerJWKS"];
                };
            };
            /** @description Not modified: the If-None-Match matched the ETag. */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Unknown or disabled issuer (not_found). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthError"];
                };
            };
            /** @description A method this path does not take (method_not_allowed). */
            405: {
                headers: {
                    /** @description The methods the path takes. */
                    Allow: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthError"];
                };
            };
            /** @description Too many requests from this client address to this issuer's endpoints (too_many_requests). */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthError"];
                };
            };
            /** @description Unexpected failure (server_error): no detail but a request_id, which finds the log line. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthError"];
                };
            };
            /** @description The database is out of reach, or a concurrent change got in the way (temporarily_unavailable): retry later. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthError"];
                };
            };
        };
    };
    authorizationServerMetadata: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The issuer (tenant): PUBLIC_URL/{issuer_id} is its issuer identifier. */
                issuer_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuth2Metadata"];
                };
            };
            /** @description Not modified: the If-None-Match matched the ETag. */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Unknown or disabled issuer (not_found). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthError"];
                };
            };
            /** @description A method this path does not take (method_not_allowed). */
            405: {
                headers: {
                    /** @description The methods the path takes. */
                    Allow: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthError"];
                };
            };
            /** @description Too many requests from this client address to this issuer's endpoints (too_many_requests). */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthError"];
                };
            };
            /** @description Unexpected failure (server_error): no detail but a request_id, which finds the log line. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthError"];
                };
            };
            /** @description The database is out of reach, or a concurrent change got in the way (temporarily_unavailable): retry later. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthError"];
                };
            };
        };
    };
    getDiscovery: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The issuer (tenant): PUBLIC_URL/{issuer_id} is its issuer identifier. */
                issuer_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Cacheable (Cache-Control, strong ETag). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpenIDConfiguration"];
                };
            };
            /** @description Not modified: the If-None-Match matched the ETag. */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Unknown or disabled issuer (not_found). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthError"];
                };
            };
            /** @description A method this path does not take (method_not_allowed). */
            405: {
                headers: {
                    /** @description The methods the path takes. */
                    Allow: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthError"];
                };
            };
            /** @description Too many requests from this client address to this issuer's endpoints (too_many_requests). */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthError"];
                };
            };
            /** @description Unexpected failure (server_error): no detail but a request_id, which finds the log line. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthError"];
                };
            };
            /** @description The database is out of reach, or a concurrent change got in the way (temporarily_unavailable): retry later. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthError"];
                };
            };
        };
    };
    authorize: {
        parameters: {
            query: {
                /** @description The client identifier issued at registration. */
                client_id: string;
                /** @description Required (outside request_uri or request). 'code' for the authorization code flow, 'id_token' and 'id_token token' for the implicit flow, 'code id_token', 'code token' and 'code id_token token' for the hybrid flow; all but 'code' need a client (and tenant) with the implicit grant. */
                response_type?: "code" | "id_token" | "id_token token" | "code id_token" | "code token" | "code id_token token";
                /** @description Required (outside request_uri or request). Exactly one of the redirect URIs the client registered. */
                redirect_uri?: string;
                /** @description Required (outside request_uri or request). Space-delimited scopes; 'openid' for an OpenID Connect request, then profile, email, address, phone, offline_access. */
                scope?: string;
                /** @description Returned unchanged with the response; recommended against CSRF. */
                state?: string;
                /** @description Bound into the ID token; required by the implicit and hybrid flows. */
                nonce?: string;
                /** @description How the response reaches redirect_uri; the default is 'query' for 'code', 'fragment' otherwise. */
                response_mode?: "query" | "fragment" | "form_post";
                /** @description Space-delimited: 'none' (no page: login_required or consent_required instead), 'login', 'consent'. Seed 001's select_account is not offered. */
                prompt?: string;
                /** @description Seconds since the user last signed in beyond which she signs in again. */
                max_age?: number;
                /** @description A hint of the user (her username), pre-filled on the sign-in page. */
                login_hint?: string;
                /** @description An ID token the issuer gave earlier, naming the user expected. */
                id_token_hint?: string;
                /** @description Requested authentication context classes, space-delimited. */
                acr_values?: string;
                /** @description Preferred languages of the pages, space-delimited BCP 47 tags. */
                ui_locales?: string;
                /** @description OpenID Connect Core §5.5: the claims wanted in the ID token and at userinfo, as JSON. */
                claims?: string;
                /** @description PKCE (RFC 7636): the base64url SHA-256 of the code verifier. Required of public clients, and of confidential ones registered with require_pkce or at a tenant with require_pkce_for_all_clients; a code issued with it is redeemed only with its verifier. */
                code_challenge?: string;
                /** @description Only S256: seed 001's 'plain' is refused (RFC 9700 §2.1.1). */
                code_challenge_method?: "S256";
                /** @description A request object (RFC 9101): the parameters as a JWT, signed or not. */
                request?: string;
                /** @description A request pushed to the PAR endpoint (RFC 9126); other parameters then come from it. */
                request_uri?: string;
                /** @description RFC 8707 resource indicator: the API the access token is for. */
                resource?: string;
                /** @description RFC 9449 §10: thumbprint of the DPoP key the code is bound to. */
                dpop_jkt?: string;
            };
            header?: never;
            path: {
                /** @description The issuer (tenant): PUBLIC_URL/{issuer_id} is its issuer identifier. */
                issuer_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description response_mode=form_post: a page that posts the response to redirect_uri at once (AuthorizationResponse, or AuthorizationErrorResponse; see x-authorization-response). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description To the sign-in or consent page (/{issuer_id}/interaction/…) when the user has something to do; otherwise to redirect_uri, with the response in the query (response_mode=query, the default for code) or the fragment (AuthorizationResponse, or AuthorizationErrorResponse for an error the client may learn of; see x-authorization-response). */
            303: {
                headers: {
                    /** @description Where the browser goes next. */
                    Location: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description An error that cannot be sent back to the client: an unknown client (invalid_client), a redirect_uri it did not register (invalid_redirect_uri), or a request too broken to trust its redirect_uri (invalid_request). A browser that asks for HTML gets a page naming the error instead. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthError"];
                    "text/html": string;
                };
            };
            /** @description Unknown or disabled issuer (not_found). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthError"];
                };
            };
            /** @description A method this path does not take (method_not_allowed). */
            405: {
                headers: {
                    /** @description The methods the path takes. */
                    Allow: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthError"];
                };
            };
            /** @description Too many requests from this client address to this issuer's endpoints (too_many_requests). */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthError"];
                };
            };
            /** @description Unexpected failure (server_error): no detail but a request_id, which finds the log line. A browser that asks for HTML gets a page naming the error instead. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthError"];
                    "text/html": string;
                };
            };
            /** @description The database is out of reach, or a concurrent change got in the way (temporarily_unavailable): retry later. A browser that asks for HTML gets a page naming the error instead. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthError"];
                    "text/html": string;
                };
            };
        };
    };
    postAuthorize: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The issuer (tenant): PUBLIC_URL/{issuer_id} is its issuer identifier. */
                issuer_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": components["schemas"]["AuthorizationRequest"];
            };
        };
        responses: {
            /** @description response_mode=form_post: a page that posts the response to redirect_uri at once (AuthorizationResponse, or AuthorizationErrorResponse; see x-authorization-response). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description To the sign-in or consent page (/{issuer_id}/interaction/…) when the user has something to do; otherwise to redirect_uri, with the response in the query (response_mode=query, the default for code) or the fragment (AuthorizationResponse, or AuthorizationErrorResponse for an error the client may learn of; see x-authorization-response). A POST the browser does not mark as from this site (from another site, a browser that does not say, no browser) first goes to the same request by GET (/{issuer_id}/authorize?…), which carries the session cookie. */
            303: {
                headers: {
                    /** @description Where the browser goes next. */
                    Location: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description An error that cannot be sent back to the client: an unknown client (invalid_client), a redirect_uri it did not register (invalid_redirect_uri), or a request too broken to trust its redirect_uri (invalid_request). Also a body that is not a form (invalid_request). A browser that asks for HTML gets a page naming the error instead. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthError"];
                    "text/html": string;
                };
            };
            /** @description Unknown or disabled issuer (not_found). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthError"];
                };
            };
            /** @description A method this path does not take (method_not_allowed). */
            405: {
                headers: {
                    /** @description The methods the path takes. */
                    Allow: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthError"];
                };
            };
            /** @description Too many requests from this client address to this issuer's endpoints (too_many_requests). */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthError"];
                };
            };
            /** @description Unexpected failure (server_error): no detail but a request_id, which finds the log line. A browser that asks for HTML gets a page naming the error instead. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthError"];
                    "text/html": string;
                };
            };
            /** @description The database is out of reach, or a concurrent change got in the way (temporarily_unavailable): retry later. A browser that asks for HTML gets a page naming the error instead. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthError"];
                    "text/html": string;
                };
            };
        };
    };
    requestDeviceAuthorization: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The issuer (tenant): PUBLIC_URL/{issuer_id} is its issuer identifier. */
                issuer_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": components["schemas"]["DeviceAuthorizationRequest"];
            };
        };
        responses: {
            /** @description The codes. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeviceAuthorizationResponse"];
                };
            };
            /** @description A client not registered for the device grant (invalid_request), a scope it may not have (invalid_scope), or no client authentication (invalid_request). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthError"];
                };
            };
            /** @description Client authentication failed, or the client is unknown (invalid_client). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthError"];
                };
            };
            /** @description Unknown or disabled issuer (not_found). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthError"];
                };
            };
            /** @description A method this path does not take (method_not_allowed). */
            405: {
                headers: {
                    /** @description The methods the path takes. */
                    Allow: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthError"];
                };
            };
            /** @description Too many requests from this client address to this issuer's endpoints (too_many_requests). */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthError"];
                };
            };
            /** @description Unexpected failure (server_error): no detail but a request_id, which finds the log line. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthError"];
                };
            };
            /** @description The database is out of reach, or a concurrent change got in the way (temporarily_unavailable): retry later. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthError"];
                };
            };
        };
    };
    endSession: {
        parameters: {
            query?: {
                /** @description An ID token the issuer gave the client (an expired one too): names the client and the user. */
                id_token_hint?: string;
                /** @description Where to send the browser after sign-out: one of the post_logout_redirect_uris the client registered. */
                post_logout_redirect_uri?: string;
                /** @description Returned unchanged to post_logout_redirect_uri. */
                state?: string;
                /** @description The client, when there is no id_token_hint. */
                client_id?: string;
                /** @description Preferred languages of the page, space-delimited BCP 47 tags. */
                ui_locales?: string;
                /** @description A hint of the user to sign out. */
                logout_hint?: string;
            };
            header?: never;
            path: {
                /** @description The issuer (tenant): PUBLIC_URL/{issuer_id} is its issuer identifier. */
                issuer_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The confirmation page; without a session, a page that posts its form at once. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description An id_token_hint that is not an ID token of this issuer, a post_logout_redirect_uri the client did not register, … (invalid_request). A browser that asks for HTML gets a page naming the error instead. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthError"];
                    "text/html": string;
                };
            };
            /** @description Unknown or disabled issuer (not_found). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthError"];
                };
            };
            /** @description A method this path does not take (method_not_allowed). */
            405: {
                headers: {
                    /** @description The methods the path takes. */
                    Allow: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthError"];
                };
            };
            /** @description Too many requests from this client address to this issuer's endpoints (too_many_requests). */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthError"];
                };
            };
            /** @description Unexpected failure (server_error): no detail but a request_id, which finds the log line. A browser that asks for HTML gets a page naming the error instead. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthError"];
                    "text/html": string;
                };
            };
            /** @description The database is out of reach, or a concurrent change got in the way (temporarily_unavailable): retry later. A browser that asks for HTML gets a page naming the error instead. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthError"];
                    "text/html": string;
                };
            };
        };
    };
    postEndSession: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The issuer (tenant): PUBLIC_URL/{issuer_id} is its issuer identifier. */
                issuer_id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/x-www-form-urlencoded": components["schemas"]["EndSessionRequest"];
            };
        };
        responses: {
            /** @description The confirmation page; without a session, a page that posts its form at once. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description A POST the browser does not mark as from this site (Sec-Fetch-Site same-origin or same-site): to the same request by GET (/{issuer_id}/end-session?…), which carries the session cookie. */
            303: {
                headers: {
                    /** @description Where the browser goes next. */
                    Location: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description An id_token_hint that is not an ID token of this issuer, a post_logout_redirect_uri the client did not register, … (invalid_request). Also a body that is not a form. A browser that asks for HTML gets a page naming the error instead. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthError"];
                    "text/html": string;
                };
            };
            /** @description Unknown or disabled issuer (not_found). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthError"];
                };
            };
            /** @description A method this path does not take (method_not_allowed). */
            405: {
                headers: {
                    /** @description The methods the path takes. */
                    Allow: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthError"];
                };
            };
            /** @description Too many requests from this client address to this issuer's endpoints (too_many_requests). */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthError"];
                };
            };
            /** @description Unexpected failure (server_error): no detail but a request_id, which finds the log line. A browser that asks for HTML gets a page naming the error instead. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthError"];
                    "text/html": string;
                };
            };
            /** @description The database is out of reach, or a concurrent change got in the way (temporarily_unavailable): retry later. A browser that asks for HTML gets a page naming the error instead. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthError"];
                    "text/html": string;
                };
            };
        };
    };
    introspectToken: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The issuer (tenant): PUBLIC_URL/{issuer_id} is its issuer identifier. */
                issuer_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": components["schemas"]["IntrospectionRequest"];
            };
        };
        responses: {
            /** @description Active with its members, or `{"active": false}`. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IntrospectionResponse"];
                };
            };
            /** @description No client authentication, or no token (invalid_request). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthError"];
                };
            };
            /** @description Client authentication failed, or the client is unknown (invalid_client). */
            401: {
                headers: {
                    /** @description After client_secret_basic: Basic realm="…", error="invalid_client". */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthError"];
                };
            };
            /** @description Unknown or disabled issuer (not_found). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthError"];
                };
            };
            /** @description A method this path does not take (method_not_allowed). */
            405: {
                headers: {
                    /** @description The methods the path takes. */
                    Allow: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthError"];
                };
            };
            /** @description Too many requests from this client address to this issuer's endpoints (too_many_requests). */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthError"];
                };
            };
            /** @description Unexpected failure (server_error): no detail but a request_id, which finds the log line. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthError"];
                };
            };
            /** @description The database is out of reach, or a concurrent change got in the way (temporarily_unavailable): retry later. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthError"];
                };
            };
        };
    };
    jwks: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The issuer (tenant): PUBLIC_URL/{issuer_id} is its issuer identifier. */
                issuer_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/jwk-set+json": components["schemas"]["IssuerJWKS"];
                };
            };
            /** @description Not modified: the If-None-Match matched the ETag. */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Unknown or disabled issuer (not_found). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthError"];
                };
            };
            /** @description A method this path does not take (method_not_allowed). */
            405: {
                headers: {
                    /** @description The methods the path takes. */
                    Allow: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthError"];
                };
            };
            /** @description Too many requests from this client address to this issuer's endpoints (too_many_requests). */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthError"];
                };
            };
            /** @description Unexpected failure (server_error): no detail but a request_id, which finds the log line. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthError"];
                };
            };
            /** @description The database is out of reach, or a concurrent change got in the way (temporarily_unavailable): retry later. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthError"];
                };
            };
        };
    };
    pushAuthorizationRequest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The issuer (tenant): PUBLIC_URL/{issuer_id} is its issuer identifier. */
                issuer_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": components["schemas"]["PushedAuthorizationRequest"];
            };
        };
        responses: {
            /** @description The request is stored; use request_uri within expires_in seconds. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PushedAuthorizationResponse"];
                };
            };
            /** @description What the authorization endpoint would refuse: a redirect_uri the client did not register, a missing PKCE challenge, … (invalid_request, invalid_scope, …). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthError"];
                };
            };
            /** @description Client authentication failed (invalid_client). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthError"];
                };
            };
            /** @description Unknown or disabled issuer (not_found). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthError"];
                };
            };
            /** @description A method this path does not take (method_not_allowed). */
            405: {
                headers: {
                    /** @description The methods the path takes. */
                    Allow: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthError"];
                };
            };
            /** @description Too many requests from this client address to this issuer's endpoints (too_many_requests). */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthError"];
                };
            };
            /** @description Unexpected failure (server_error): no detail but a request_id, which finds the log line. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthError"];
                };
            };
            /** @description The database is out of reach, or a concurrent change got in the way (temporarily_unavailable): retry later. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthError"];
                };
            };
        };
    };
    registerClient: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The issuer (tenant): PUBLIC_URL/{issuer_id} is its issuer identifier. */
                issuer_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ClientMetadataDto"];
            };
        };
        responses: {
            /** @description Registered: the client_id, the secret (shown only here and on reads), and the registration access token. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClientRegistration"];
                };
            };
            /** @description Metadata the issuer refuses (RFC 7591 §3.2.2): invalid_redirect_uri (a fragment, a user name, …) or invalid_client_metadata naming the member (a private jwks_uri, a sector_identifier_uri that does not list every redirect URI, a grant the tenant withholds, …); invalid_request for a body that is not a JSON object. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthError"];
                };
            };
            /** @description No initial access token, or one that is unknown, expired, used up or of another issuer (invalid_token). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BearerTokenError"];
                };
            };
            /** @description Unknown or disabled issuer (not_found). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthError"];
                };
            };
            /** @description A method this path does not take (method_not_allowed). */
            405: {
                headers: {
                    /** @description The methods the path takes. */
                    Allow: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthError"];
                };
            };
            /** @description Too many requests from this client address to this issuer's endpoints (too_many_requests). */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthError"];
                };
            };
            /** @description Unexpected failure (server_error): no detail but a request_id, which finds the log line. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthError"];
                };
            };
            /** @description The database is out of reach, or a concurrent change got in the way (temporarily_unavailable): retry later. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthError"];
                };
            };
        };
    };
    getClientRegistration: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The issuer (tenant): PUBLIC_URL/{issuer_id} is its issuer identifier. */
                issuer_id: string;
                /** @description The registered client (its registration_client_uri ends with it). */
                client_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The registration. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClientRegistration"];
                };
            };
            /** @description No registration access token, or not the one of this client (invalid_token). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BearerTokenError"];
                };
            };
            /** @description Unknown or disabled issuer (not_found). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthError"];
                };
            };
            /** @description A method this path does not take (method_not_allowed). */
            405: {
                headers: {
                    /** @description The methods the path takes. */
                    Allow: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthError"];
                };
            };
            /** @description Too many requests from this client address to this issuer's endpoints (too_many_requests). */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthError"];
                };
            };
            /** @description Unexpected failure (server_error): no detail but a request_id, which finds the log line. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthError"];
                };
            };
            /** @description The database is out of reach, or a concurrent change got in the way (temporarily_unavailable): retry later. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthError"];
                };
            };
        };
    };
    updateClientRegistration: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The issuer (tenant): PUBLIC_URL/{issuer_id} is its issuer identifier. */
                issuer_id: string;
                /** @description The registered client (its registration_client_uri ends with it). */
                client_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ClientRegistrationUpdate"];
            };
        };
        responses: {
            /** @description The registration as replaced, with the new registration access token. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClientRegistration"];
                };
            };
            /** @description Metadata the issuer refuses (RFC 7591 §3.2.2): invalid_redirect_uri (a fragment, a user name, …) or invalid_client_metadata naming the member (a private jwks_uri, a sector_identifier_uri that does not list every redirect URI, a grant the tenant withholds, …); invalid_request for a body that is not a JSON object. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthError"];
                };
            };
            /** @description No registration access token, or not the one of this client (invalid_token). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BearerTokenError"];
                };
            };
            /** @description Unknown or disabled issuer (not_found). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthError"];
                };
            };
            /** @description A method this path does not take (method_not_allowed). */
            405: {
                headers: {
                    /** @description The methods the path takes. */
                    Allow: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthError"];
                };
            };
            /** @description Too many requests from this client address to this issuer's endpoints (too_many_requests). */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthError"];
                };
            };
            /** @description Unexpected failure (server_error): no detail but a request_id, which finds the log line. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthError"];
                };
            };
            /** @description The database is out of reach, or a concurrent change got in the way (temporarily_unavailable): retry later. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthError"];
                };
            };
        };
    };
    deleteClientRegistration: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The issuer (tenant): PUBLIC_URL/{issuer_id} is its issuer identifier. */
                issuer_id: string;
                /** @description The registered client (its registration_client_uri ends with it). */
                client_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No registration access token, or not the one of this client (invalid_token). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BearerTokenError"];
                };
            };
            /** @description Unknown or disabled issuer (not_found). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthError"];
                };
            };
            /** @description A method this path does not take (method_not_allowed). */
            405: {
                headers: {
                    /** @description The methods the path takes. */
                    Allow: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthError"];
                };
            };
            /** @description Too many requests from this client address to this issuer's endpoints (too_many_requests). */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthError"];
                };
            };
            /** @description Unexpected failure (server_error): no detail but a request_id, which finds the log line. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthError"];
                };
            };
            /** @description The database is out of reach, or a concurrent change got in the way (temporarily_unavailable): retry later. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthError"];
                };
            };
        };
    };
    revokeToken: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The issuer (tenant): PUBLIC_URL/{issuer_id} is its issuer identifier. */
                issuer_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": components["schemas"]["RevocationRequest"];
            };
        };
        responses: {
            /** @description Revoked, or nothing to revoke (an unknown token, or another client’s, which is left alone): RFC 7009 §2.2 answers both alike. Empty body. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No client authentication, or no token (invalid_request). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthError"];
                };
            };
            /** @description Client authentication failed, or the client is unknown (invalid_client). */
            401: {
                headers: {
                    /** @description After client_secret_basic: Basic realm="…", error="invalid_client". */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthError"];
                };
            };
            /** @description Unknown or disabled issuer (not_found). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthError"];
                };
            };
            /** @description A method this path does not take (method_not_allowed). */
            405: {
                headers: {
                    /** @description The methods the path takes. */
                    Allow: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthError"];
                };
            };
            /** @description Too many requests from this client address to this issuer's endpoints (too_many_requests). */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthError"];
                };
            };
            /** @description Unexpected failure (server_error): no detail but a request_id, which finds the log line. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthError"];
                };
            };
            /** @description The database is out of reach, or a concurrent change got in the way (temporarily_unavailable): retry later. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthError"];
                };
            };
        };
    };
    getToken: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The issuer (tenant): PUBLIC_URL/{issuer_id} is its issuer identifier. */
                issuer_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": components["schemas"]["TokenRequest"];
            };
        };
        responses: {
            /** @description Tokens; Cache-Control: no-store. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenResponse"];
                };
            };
            /** @description The grant is refused (invalid_grant: unknown, used or expired code or refresh token, wrong code_verifier), or the request is (see error). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenError"];
                };
            };
            /** @description Client authentication failed, or the client is unknown (invalid_client). */
            401: {
                headers: {
                    /** @description After client_secret_basic: Basic realm="…", error="invalid_client". */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenError"];
                };
            };
            /** @description Unknown or disabled issuer (not_found). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthError"];
                };
            };
            /** @description A method this path does not take (method_not_allowed). */
            405: {
                headers: {
                    /** @description The methods the path takes. */
                    Allow: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthError"];
                };
            };
            /** @description Too many requests from this client address to this issuer's endpoints (too_many_requests). */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthError"];
                };
            };
            /** @description Unexpected failure (server_error): no detail but a request_id, which finds the log line. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthError"];
                };
            };
            /** @description The database is out of reach, or a concurrent change got in the way (temporarily_unavailable): retry later. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthError"];
                };
            };
        };
    };
    getUserInfo: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The issuer (tenant): PUBLIC_URL/{issuer_id} is its issuer identifier. */
                issuer_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Claims about the user, as the access token allows. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserInfo"];
                };
            };
            /** @description An access token in the query string, or sent by two means at once (invalid_request). */
            400: {
                headers: {
                    /** @description Bearer realm="…", error="…", error_description="…" (RFC 6750 §3). */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BearerTokenError"];
                };
            };
            /** @description No access token, or one that is unknown, expired or revoked, or not from a sign-in (invalid_token). */
            401: {
                headers: {
                    /** @description Bearer realm="…", error="…", error_description="…" (RFC 6750 §3). */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BearerTokenError"];
                };
            };
            /** @description An access token without the openid scope (insufficient_scope). */
            403: {
                headers: {
                    /** @description Bearer realm="…", error="…", error_description="…" (RFC 6750 §3). */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BearerTokenError"];
                };
            };
            /** @description Unknown or disabled issuer (not_found). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthError"];
                };
            };
            /** @description A method this path does not take (method_not_allowed). */
            405: {
                headers: {
                    /** @description The methods the path takes. */
                    Allow: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthError"];
                };
            };
            /** @description Too many requests from this client address to this issuer's endpoints (too_many_requests). */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthError"];
                };
            };
            /** @description Unexpected failure (server_error): no detail but a request_id, which finds the log line. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthError"];
                };
            };
            /** @description The database is out of reach, or a concurrent change got in the way (temporarily_unavailable): retry later. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthError"];
                };
            };
        };
    };
    postUserInfo: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The issuer (tenant): PUBLIC_URL/{issuer_id} is its issuer identifier. */
                issuer_id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/x-www-form-urlencoded": components["schemas"]["UserInfoRequest"];
            };
        };
        responses: {
            /** @description Claims about the user, as the access token allows. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserInfo"];
                };
            };
            /** @description An access token in the query string, or sent by two means at once (invalid_request). */
            400: {
                headers: {
                    /** @description Bearer realm="…", error="…", error_description="…" (RFC 6750 §3). */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BearerTokenError"];
                };
            };
            /** @description No access token, or one that is unknown, expired or revoked, or not from a sign-in (invalid_token). */
            401: {
                headers: {
                    /** @description Bearer realm="…", error="…", error_description="…" (RFC 6750 §3). */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BearerTokenError"];
                };
            };
            /** @description An access token without the openid scope (insufficient_scope). */
            403: {
                headers: {
                    /** @description Bearer realm="…", error="…", error_description="…" (RFC 6750 §3). */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BearerTokenError"];
                };
            };
            /** @description Unknown or disabled issuer (not_found). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthError"];
                };
            };
            /** @description A method this path does not take (method_not_allowed). */
            405: {
                headers: {
                    /** @description The methods the path takes. */
                    Allow: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthError"];
                };
            };
            /** @description Too many requests from this client address to this issuer's endpoints (too_many_requests). */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthError"];
                };
            };
            /** @description Unexpected failure (server_error): no detail but a request_id, which finds the log line. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthError"];
                };
            };
            /** @description The database is out of reach, or a concurrent change got in the way (temporarily_unavailable): retry later. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthError"];
                };
            };
        };
    };
}
