import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { ChannelService, ChatClientService } from 'ngx-stream-chat';
import type { Channel } from 'stream-chat';
import { channelFiltersFor } from '../session/connect-choice';
import { DemoSession } from '../session/demo-session.service';
import { MessageTimePipe } from '../shared/message-time.pipe';
import { SearchHit, highlightParts, searchHits } from './search-results';

/** How many hits one search shows. */
const SEARCH_LIMIT = 20;

/**
 * Searches the messages of the user's channels (`client.search` with the channel list's filters)
 * and lists the hits; picking one opens its channel and jumps to the message
 * (`ChannelService.jumpToMessage`). Escape or "Clear" ends the search.
 */
@Component({
  selector: 'demo-message-search',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MessageTimePipe],
  host: { '[hidden]': 'session.readOnly()' },
  template: `
    <form role="search" class="search" (submit)="search($event)">
      <label class="visually-hidden" for="message-search">Search messages</label>
      <input
        id="message-search"
        class="input"
        type="search"
        placeholder="Search messages"
        autocomplete="off"
        [value]="query()"
        (input)="query.set($any($event.target).value)"
        (keydown.escape)="clear()"
      />
      <button type="submit" class="button icon" aria-label="Search" [disabled]="!query().trim()">
        <svg viewBox="0 0 20 20" width="18" height="18" aria-hidden="true">
          <path
            fill="currentColor"
            d="M8.5 2a6.5 6.5 0 0 1 5.2 10.4l4.2 4.2-1.3 1.3-4.2-4.2A6.5 6.5 0 1 1 8.5 2Zm0 1.8a4.7 4.7 0 1 0 0 9.4 4.7 4.7 0 0 0 0-9.4Z"
          />
        </svg>
      </button>
    </form>
    @if (state() !== 'idle') {
      <section class="results" aria-labelledby="search-results-heading">
        <div class="results-header">
          <h2 id="search-results-heading" class="heading" role="status">{{ summary() }}</h2>
          <button type="button" class="button ghost small" (click)="clear()">Clear</button>
        </div>
        <ul>
          @for (hit of hits(); track hit.id) {
            <li>
              <button
                type="button"
                class="hit"
                data-testid="search-hit"
                [attr.data-message-id]="hit.id"
                (click)="open(hit)"
              >
                <span class="top">
                  <span class="channel">{{ hit.channelName }}</span>
                  @if (hit.createdAt; as at) {
                    <time [attr.datetime]="at.toISOString()">{{ at | messageTime }}</time>
                  }
                </span>
                <span class="text"
                  ><span class="sender">{{ hit.sender }}:</span>
                  @for (part of parts(hit); track $index) {
                    @if (part.match) {
                      <mark>{{ part.text }}</mark>
                    } @else {
                      {{ part.text }}
                    }
                  }
                </span>
              </button>
            </li>
          }
        </ul>
      </section>
    }
  `,
  styles: `
    :host {
      display: block;
    }
    .search {
      display: flex;
      gap: var(--space-1);
      margin: 0 var(--space-1) var(--space-3);
    }
    .input {
      min-height: 36px;
    }
    .results {
      margin-bottom: var(--space-3);
      padding-bottom: var(--space-2);
      border-bottom: 1px solid var(--border);
    }
    .results-header {
      display: flex;
      align-items: center;
      justify-content: space-between;
      margin: 0 var(--space-2) var(--space-1);
    }
    .heading {
      margin: 0;
      color: var(--muted);
      font-size: var(--text-xs);
      font-weight: 600;
      letter-spacing: 0.04em;
      text-transform: uppercase;
    }
    .small {
      min-height: 28px;
      padding: 0 var(--space-2);
    }
    ul {
      display: grid;
      gap: 2px;
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .hit {
      display: grid;
      gap: 2px;
      width: 100%;
      padding: var(--space-2) var(--space-3);
      border: 0;
      border-radius: var(--radius);
      background: none;
      color: inherit;
      font: inherit;
      text-align: left;
      cursor: pointer;
    }
    .hit:hover {
      background: var(--hover);
    }
    .top {
      display: flex;
      justify-content: space-between;
      gap: var(--space-2);
      font-size: var(--text-sm);
      font-weight: 600;
    }
    time {
      color: var(--muted);
      font-size: var(--text-xs);
      font-weight: 400;
    }
    .text {
      display: -webkit-box;
      overflow: hidden;
      color: var(--muted);
      font-size: var(--text-sm);
      -webkit-box-orient: vertical;
      -webkit-line-clamp: 2;
    }
    .sender {
      color: var(--text);
    }
    mark {
      border-radius: 3px;
      background: var(--warning-surface);
      color: var(--text);
      font-weight: 600;
    }
  `,
})
export class MessageSearch {
  private readonly chatService = inject(ChatClientService);
  private readonly channelService = inject(ChannelService);
  protected readonly session = inject(DemoSession);

  protected readonly query = signal('');
  protected readonly state = signal<'idle' | 'searching' | 'done' | 'failed'>('idle');
  protected readonly hits = signal<SearchHit[]>([]);
  private searchedFor = '';
  private searchCount = 0;

  protected readonly summary = computed(() => {
    switch (this.state()) {
      case 'searching':
        return 'Searching…';
      case 'failed':
        return 'Search failed';
      default: {
        const count = this.hits().length;
        return count === 0
          ? 'No messages found'
          : `${count}${count === SEARCH_LIMIT ? '+' : ''} ${count === 1 ? 'message' : 'messages'} found`;
      }
    }
  });

  protected parts(hit: SearchHit) {
    return highlightParts(hit.text, this.searchedFor);
  }

  protected async search(event: Event): Promise<void> {
    event.preventDefault();
    const query = this.query().trim();
    const client = this.chatService.chatClient;
    const choice = this.session.choice();
    if (!query || !client || !choice) {
      return;
    }
    const count = ++this.searchCount;
    this.searchedFor = query;
    this.state.set('searching');
    try {
      const response = await client.search(channelFiltersFor(choice), query, {
        limit: SEARCH_LIMIT,
      });
      if (count === this.searchCount) {
        this.hits.set(searchHits(response));
        this.state.set('done');
      }
    } catch (error) {
      if (count === this.searchCount) {
        this.hits.set([]);
        this.state.set('failed');
        this.session.report('Could not search the messages', error);
      }
    }
  }

  protected clear(): void {
    this.searchCount++;
    this.query.set('');
    this.hits.set([]);
    this.state.set('idle');
  }

  protected async open(hit: SearchHit): Promise<void> {
    try {
      const channel = await this.channelFor(hit.cid);
      if (this.channelService.activeChannel() !== channel) {
        await this.channelService.setAsActiveChannel(channel);
      }
      await this.channelService.jumpToMessage(hit.id, hit.parentId);
    } catch (error) {
      this.session.report('Could not open the message', error);
    }
  }

  /** The listed channel of `cid`, or the client's (watched) when the list has not loaded it. */
  private async channelFor(cid: string): Promise<Channel> {
    const listed = this.channelService.channels()?.find((channel) => channel.cid === cid);
    if (listed) {
      return listed;
    }
    const client = this.chatService.chatClient;
    const [type, id] = cid.split(':');
    if (!client || !type || !id) {
      throw new Error(`The channel ${cid} is not available.`);
    }
    const channel = client.channel(type, id);
    await channel.watch();
    return channel;
  }
}
