import type { MessageResponse, SearchAPIResponse } from 'stream-chat';

/** A message found by search, as the results list shows it. */
export interface SearchHit {
  id: string;
  /** The thread's parent, for a reply. */
  parentId: string | undefined;
  cid: string;
  channelName: string;
  sender: string;
  text: string;
  createdAt: Date | undefined;
}

/** A piece of a hit's text: `match` marks where the query was found. */
export interface HitPart {
  text: string;
  match: boolean;
}

/** The hits of a `client.search()` answer, in its order. */
export function searchHits(response: Pick<SearchAPIResponse, 'results'>): SearchHit[] {
  return response.results.map(({ message }) => {
    const channel = (message as MessageResponse & { channel?: { cid?: string; name?: unknown } })
      .channel;
    const cid = channel?.cid ?? message.cid ?? '';
    const name = typeof channel?.name === 'string' && channel.name ? channel.name : cid;
    return {
      id: message.id,
      parentId: message.parent_id,
      cid,
      channelName: name,
      sender: message.user?.name || message.user?.id || 'Unknown',
      text: message.text ?? '',
      createdAt: message.created_at ? new Date(message.created_at) : undefined,
    };
  });
}

/** `text` split around each case-insensitive occurrence of `query`, for highlighting. */
export function highlightParts(text: string, query: string): HitPart[] {
  const needle = query.trim().toLowerCase();
  if (!needle) {
    return [{ text, match: false }];
  }
  const parts: HitPart[] = [];
  const haystack = text.toLowerCase();
  let from = 0;
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, from)) {
    if (at > from) parts.push({ text: text.slice(from, at), match: false });
    parts.push({ text: text.slice(at, at + needle.length), match: true });
    from = at + needle.length;
  }
  if (from < text.length) parts.push({ text: text.slice(from), match: false });
  return parts;
}
