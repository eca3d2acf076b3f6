// Jest ignores the "browser" field of form-data, as browsers' bundlers follow it: give stream-chat's
// uploads jsdom's FormData, which jsdom's XMLHttpRequest sends as a real multipart body.
module.exports = globalThis.FormData;
