/** What each scope lets the client do, as the consent page says it. */
const DESCRIPTIONS: Record<string, string> = {
  openid: 'Sign you in',
  profile: 'See your name and profile details',
  email: 'See your email address',
  address: 'See your postal address',
  phone: 'See your phone number',
  offline_access: 'Keep access while you are away',
};

export const describeScope = (scope: string) => DESCRIPTIONS[scope] ?? `Use “${scope}”`;
