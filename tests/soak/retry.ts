/**
 * The harness's own requests to the server (as the admin, not through a proxy) may meet a keep-alive socket that a
 * CouchDB restart closed under them: that says nothing about the app, so they are tried again a few times.
 */
export async function retried<T>(what: () => Promise<T>, attempts = 4): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await what();
    } catch (error) {
      if (i >= attempts) throw error;
      await new Promise((r) => setTimeout(r, 250 * i));
    }
  }
}
