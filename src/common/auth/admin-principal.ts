/** The admin key a request was authenticated with. */
export interface AdminPrincipal {
  /** The key's id; `root` for ADMIN_API_KEY. */
  id: string;
  name: string;
  /** The one tenant the key may manage, or null for a key that may manage all. */
  issuerId: string | null;
}

export const ROOT_PRINCIPAL: AdminPrincipal = { id: 'root', name: 'ADMIN_API_KEY', issuerId: null };
