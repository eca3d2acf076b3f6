import {
  ConnectChoice,
  DEFAULT_TOKEN_LIFETIME_SECONDS,
  STATIC_TOKEN_LIFETIME_SECONDS,
  seededUser,
} from '../session/connect-choice';
import { channelInitArguments } from '../session/channel-init-arguments';

function quote(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

function userLiteral(userId: string): string {
  return literal(seededUser(userId));
}

/** A value as a TypeScript literal: `{ type: 'messaging', members: { $in: ['bob'] } }`. */
function literal(value: unknown): string {
  if (Array.isArray(value)) {
    return `[${value.map(literal).join(', ')}]`;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).map(([key, item]) => `${key}: ${literal(item)}`);
    return `{ ${entries.join(', ')} }`;
  }
  return typeof value === 'string' ? quote(value) : String(value);
}

/**
 * The calls the demo makes for a choice, as code a developer can copy: the `init()` of the
 * vendor's "Users and tokens" page, then `channelService.init()` with the very arguments the
 * session passes (`channelInitArguments`).
 */
export function initCallPreview(choice: ConnectChoice, tokenEndpoint: string): string {
  const userId = choice.userId ?? 'alice';
  const channels = `await channelService.init(${channelInitArguments(choice).map(literal).join(', ')});`;
  switch (choice.mode) {
    case 'token-provider': {
      const lifetime = choice.tokenLifetimeSeconds ?? DEFAULT_TOKEN_LIFETIME_SECONDS;
      return [
        'const tokenProvider = async () =>',
        `  (await get(\`${tokenEndpoint}?user_id=${userId}&expires_in=${lifetime}\`)).token;`,
        `await chatService.init(apiKey, ${userLiteral(userId)}, tokenProvider);`,
        channels,
      ].join('\n');
    }
    case 'static-token':
      return [
        `const { token } = await get(\`${tokenEndpoint}?user_id=${userId}&expires_in=${STATIC_TOKEN_LIFETIME_SECONDS}\`);`,
        `await chatService.init(apiKey, ${userLiteral(userId)}, token);`,
        channels,
      ].join('\n');
    case 'dev-token':
      return [
        `const devToken = StreamChat.getInstance(apiKey).devToken(${quote(userId)});`,
        `await chatService.init(apiKey, ${userLiteral(userId)}, devToken);`,
        channels,
      ].join('\n');
    case 'guest': {
      const name = choice.guestName?.trim() || 'Guest';
      return [
        `await chatService.init(apiKey, { id: 'guest-…', name: ${quote(name)} }, 'guest');`,
        channels,
      ].join('\n');
    }
    case 'anonymous':
      return [`await chatService.init(apiKey, undefined, 'anonymous');`, channels].join('\n');
  }
}
