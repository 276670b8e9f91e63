import { getApiKey } from '../shared/apikey';

/** POST /graphql of this service (relative, so a path prefix in front of the service keeps working). */
const endpoint = new URL('graphql', document.baseURI).toString();

export class ApiError extends Error {
  constructor(message: string, readonly status: number) {
    super(message);
  }
  get unauthorized(): boolean {
    return this.status === 401 || this.status === 403;
  }
}

export type Variables = Record<string, string | number | boolean | null>;

export async function gql<T>(query: string, variables: Variables, signal?: AbortSignal): Promise<T> {
  const key = getApiKey();
  if (!key) throw new ApiError('No API key entered.', 401);
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      Accept: 'application/graphql-response+json, application/json',
      'X-API-Key': key,
    },
    body: JSON.stringify({ query, variables }),
    credentials: 'omit',
    cache: 'no-store',
    signal,
  });
  if (response.status === 401 || response.status === 403)
    throw new ApiError(`The API key was rejected (HTTP ${response.status}).`, response.status);
  let body: { data?: T; errors?: { message: string }[] } | null = null;
  try {
    body = await response.json();
  } catch {
    throw new ApiError(`HTTP ${response.status}: not a GraphQL response.`, response.status);
  }
  if (body?.errors?.length) throw new ApiError(body.errors.map((e) => e.message).join('; '), response.status);
  if (!response.ok || !body?.data) throw new ApiError(`HTTP ${response.status}.`, response.status);
  return body.data;
}
