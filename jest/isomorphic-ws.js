// Jest ignores the "browser" field of isomorphic-ws; give stream-chat jsdom's real WebSocket.
module.exports = globalThis.WebSocket ?? require('ws');
