/** passport strategy names (registered on the guard's own passport instance). */
export const JWT_STRATEGY = 'gmdb-jwt';
export const API_KEY_STRATEGY = 'gmdb-api-key';
export const RESEARCHER_TOKEN_STRATEGY = 'gmdb-researcher-token';
