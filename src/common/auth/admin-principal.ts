/** The admin key a request was authenticated with. */
export interface AdminPrincipal {
  /** The key's id; `root` for ADMIN_API_KEY. */
  id: string;
  name: string;
  /** The one tenant the key may manage, or null for a key that may manage all. */
  issuerId: string | null;
}

export const ROOT_PRINCIPAL: AdminPrincipal = { id: 'root', name: 'ADMIN_API_KEY', issuerId: null };

/** Looks up a key (other than the root key) by the SHA-256 of its value, hex (hashToken); implemented by the admin-keys module. */
export abstract class AdminKeyLookup {
  abstract findByDigest(digest: string): Promise<AdminPrincipal | null>;
}
