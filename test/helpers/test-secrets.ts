/** The admin key and key-encryption key every application of the run boots with. */
export const TEST_ADMIN_KEY = 'test-admin-key-0123456789abcdefghijklmnopqrstuvwxyz';
export const TEST_KEK = '00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff';
