/** `Basic base64(username:password)`, UTF-8 encoded first so non-ASCII passwords survive (RFC 7617 §2.1). */
export function basicAuthorization(username: string, password: string): string {
  return `Basic ${base64(new TextEncoder().encode(`${username}:${password}`))}`;
}

function base64(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}
