import { randomUUID } from 'node:crypto';
import { isAdmin } from '../../auth/caller';
import { JsonObject } from '../../protocol/body-fields';
import {
  doesNotExistError,
  inputError,
  internalError,
  notAllowedError,
} from '../../protocol/api-error';
import {
  actingUser,
  namedUserId,
  requireChannel,
  requireWritable,
} from '../../http/routes/channel-access';
import { RouteContext, RouteDefinition } from '../../http/route-table';
import { Caller } from '../../auth/caller';
import { ChannelRecord } from '../../store/model';
import { MAX_UPLOAD_BYTES, effectiveSizeLimit, uploadConfigRefusal } from './upload-config';
import { removeStoredBytes, writeStoredBytes } from './upload-folder';
import { UploadKind, UploadRecord, uploadsSlice } from './uploads-slice';
import { readUploadForm } from './multipart-upload';
import { requestOrigin, uploadIdOfUrl, uploadUrl } from './upload-urls';

/** Stream's permission name for uploading to a channel. */
const UPLOAD_ACTION = 'UploadAttachment';

/** Room for the multipart framing around a file of the largest size. */
const MULTIPART_OVERHEAD_BYTES = 1024 * 1024;

/** The user an upload is made in the name of; `undefined` for the server in no user's name. */
function uploader(
  context: RouteContext,
  user: JsonObject | undefined,
): (Caller & { kind: 'user' }) | undefined {
  const named = user ? namedUserId({ user }) : undefined;
  if (context.caller.kind === 'server' && named === undefined) {
    return undefined;
  }
  return actingUser(context, named, UPLOAD_ACTION);
}

/** `POST /channels/{type}/{id}/file` or `/image`: stores one multipart file, answers its URL. */
function uploadHandler(kind: UploadKind): (context: RouteContext) => Promise<JsonObject> {
  return async (context) => {
    const channel = requireChannel(context);
    const { caller, services } = context;
    if (caller.kind === 'anonymous') {
      throw notAllowedError(
        `Anonymous user is not allowed to perform action ${UPLOAD_ACTION} in scope '${channel.type}'`,
      );
    }
    if (caller.kind === 'user') {
      requireWritable(caller, channel, UPLOAD_ACTION);
    }
    const state = services.store.slice(uploadsSlice);
    const config = kind === 'image' ? state.imageConfig : state.fileConfig;
    const form = await readUploadForm(context.request, effectiveSizeLimit(config));
    const actor = uploader(context, form.user);
    if (actor) {
      requireWritable(actor, channel, UPLOAD_ACTION);
    }
    if (kind === 'image' && !form.mimeType.toLowerCase().startsWith('image/')) {
      throw inputError(`the image endpoint takes images only, not ${form.mimeType}`);
    }
    const refusal = uploadConfigRefusal(config, form.name, form.mimeType);
    if (refusal) {
      throw refusal;
    }
    if (services.store.getChannel(channel.cid) !== channel) {
      throw doesNotExistError(`channel "${channel.cid}" was deleted during the upload`);
    }
    const upload: UploadRecord = {
      id: randomUUID(),
      cid: channel.cid,
      ...(actor ? { ownerId: actor.userId } : {}),
      name: form.name,
      mimeType: form.mimeType,
      size: form.bytes.length,
      createdAt: new Date().toISOString(),
      kind,
      bytes: form.bytes,
    };
    try {
      await writeStoredBytes(state.folder, upload.id, form.bytes);
    } catch (error) {
      removeStoredBytes(state.folder, upload.id);
      throw internalError(`cannot keep the upload: ${(error as Error).message}`);
    }
    if (services.store.getChannel(channel.cid) !== channel) {
      removeStoredBytes(state.folder, upload.id);
      throw doesNotExistError(`channel "${channel.cid}" was deleted during the upload`);
    }
    state.files.set(upload.id, upload);
    services.store.changed();
    return { file: uploadUrl(requestOrigin(context.request), upload) };
  };
}

/** Whether the caller may delete the upload: its uploader, a channel moderator, an admin. */
function mayDelete(caller: Caller, channel: ChannelRecord, upload: UploadRecord): boolean {
  if (isAdmin(caller)) {
    return true;
  }
  return (
    caller.kind === 'user' &&
    (caller.userId === upload.ownerId ||
      channel.members.get(caller.userId)?.channelRole === 'channel_moderator')
  );
}

/** `DELETE /channels/{type}/{id}/file?url=` or `/image?url=`: deletes an upload. */
function deleteHandler(kind: UploadKind): (context: RouteContext) => JsonObject {
  return (context) => {
    const channel = requireChannel(context);
    const url = context.query.get('url');
    if (!url) {
      throw inputError('the url query parameter is required');
    }
    const { caller, services } = context;
    const state = services.store.slice(uploadsSlice);
    const id = uploadIdOfUrl(url);
    const upload = id === undefined ? undefined : state.files.get(id);
    if (!upload || upload.cid !== channel.cid || upload.kind !== kind) {
      throw doesNotExistError(`${kind} ${url} does not exist in channel "${channel.cid}"`);
    }
    if (!mayDelete(caller, channel, upload)) {
      const who = caller.kind === 'user' ? `User '${caller.userId}'` : 'Anonymous user';
      throw notAllowedError(
        `${who} is not allowed to delete ${kind} ${url}: only its uploader, channel moderators and admins may`,
      );
    }
    state.files.delete(upload.id);
    removeStoredBytes(state.folder, upload.id);
    services.store.changed();
    return {};
  };
}

function channelUploadRoutes(kind: UploadKind, suffix: string): RouteDefinition[] {
  return [
    {
      method: 'POST',
      path: `/channels/:type/:id/${kind}`,
      operation: `Upload${suffix}`,
      auth: 'caller',
      status: 201,
      body: 'raw',
      maxBodyBytes: MAX_UPLOAD_BYTES + MULTIPART_OVERHEAD_BYTES,
      handle: uploadHandler(kind),
    },
    {
      method: 'DELETE',
      path: `/channels/:type/:id/${kind}`,
      operation: `Delete${suffix}`,
      auth: 'caller',
      handle: deleteHandler(kind),
    },
  ];
}

/** Upload and delete endpoints of channels. */
export const uploadRoutes: readonly RouteDefinition[] = [
  ...channelUploadRoutes('file', 'File'),
  ...channelUploadRoutes('image', 'Image'),
];
