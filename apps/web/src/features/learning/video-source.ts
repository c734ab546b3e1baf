/** How a lesson's video plays: an embed on an allowed player host, or a file in a `<video>` element. */
export type VideoSource =
  | { kind: 'youtube'; embedUrl: string }
  | { kind: 'vimeo'; embedUrl: string }
  | { kind: 'file'; url: string };

const YOUTUBE_ID = /^[A-Za-z0-9_-]{11}$/;
const YOUTUBE_HOSTS = new Set([
  'youtube.com',
  'www.youtube.com',
  'm.youtube.com',
  'youtube-nocookie.com',
  'www.youtube-nocookie.com',
]);
const VIMEO_ID = /^\d+$/;

function youtubeId(url: URL): string | null {
  const host = url.hostname.toLowerCase();
  const segments = url.pathname.split('/').filter(Boolean);
  let id: string | null | undefined = null;
  if (host === 'youtu.be') id = segments[0];
  else if (YOUTUBE_HOSTS.has(host)) {
    if (url.pathname === '/watch') id = url.searchParams.get('v');
    else if (segments[0] === 'embed' || segments[0] === 'shorts' || segments[0] === 'live') id = segments[1];
  }
  return id && YOUTUBE_ID.test(id) ? id : null;
}

function vimeoEmbed(url: URL): string | null {
  const host = url.hostname.toLowerCase();
  const segments = url.pathname.split('/').filter(Boolean);
  let id: string | undefined;
  let hash: string | undefined;
  if (host === 'player.vimeo.com' && segments[0] === 'video') {
    id = segments[1];
    hash = url.searchParams.get('h') ?? undefined;
  } else if (host === 'vimeo.com' || host === 'www.vimeo.com') {
    // vimeo.com/123456 or, for an unlisted video, vimeo.com/123456/abcdef (the privacy hash).
    [id, hash] = segments;
  }
  if (!id || !VIMEO_ID.test(id)) return null;
  const query = hash && /^[A-Za-z0-9]+$/.test(hash) ? `?h=${hash}` : '';
  return `https://player.vimeo.com/video/${id}${query}`;
}

/**
 * Reads a lesson's video link. Only the two embed hosts the CSP's `frame-src` allows become iframes
 * (always rebuilt from the ID, never the link itself); any other https link, or a path on this site,
 * plays as a file (`media-src 'self' https:`). Anything else (http:, javascript:, nonsense) is null.
 */
export function parseVideoSource(link: string | null | undefined): VideoSource | null {
  const value = link?.trim();
  if (!value) return null;
  if (value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/\\')) {
    return { kind: 'file', url: value };
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  const youtube = youtubeId(url);
  if (youtube) return { kind: 'youtube', embedUrl: `https://www.youtube-nocookie.com/embed/${youtube}` };
  const vimeo = vimeoEmbed(url);
  if (vimeo) return { kind: 'vimeo', embedUrl: vimeo };
  // A plain file must come over https: the page is https in production and mixed content is blocked.
  return url.protocol === 'https:' ? { kind: 'file', url: url.href } : null;
}
