import type { Request } from 'restify';

/** Bot Framework activities are small; Teams caps messages at about 100 KB. */
const MAX_BODY_BYTES = 1024 * 1024;

/** Why a body could not be read as JSON. */
export type BodyProblem = 'not_json' | 'too_large';

/**
 * The request body as JSON, whether restify's bodyParser already parsed it (`req.body` an object),
 * left it raw (a string or Buffer), or did not run at all (the stream is read here).
 */
export async function readJsonBody(req: Request): Promise<{ value: unknown } | { problem: BodyProblem }> {
  const body: unknown = req.body;
  if (body !== undefined && !(typeof body === 'string') && !Buffer.isBuffer(body)) return { value: body };
  let text: string;
  if (typeof body === 'string' || Buffer.isBuffer(body)) {
    text = body.toString();
  } else {
    const read = await readStream(req);
    if (read === undefined) return { problem: 'too_large' };
    text = read;
  }
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) return { problem: 'too_large' };
  try {
    return { value: JSON.parse(text) as unknown };
  } catch {
    return { problem: 'not_json' };
  }
}

/** The rest of the request stream as text; undefined when it exceeds the limit. */
async function readStream(req: Request): Promise<string | undefined> {
  if (req.readableEnded) return '';
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}
