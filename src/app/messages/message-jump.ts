import {
  DestroyRef,
  Directive,
  ElementRef,
  Injector,
  afterNextRender,
  effect,
  inject,
} from '@angular/core';
import { ChannelService } from 'ngx-stream-chat';

/** How long a message jumped to stays highlighted. */
export const JUMP_HIGHLIGHT_MS = 5000;

/**
 * Scrolls to the message of `ChannelService.jumpToMessage()` once it is rendered inside the host
 * (by its `data-message-id`), and highlights it (`data-jump-target`) for a few seconds, then
 * forgets the jump.
 */
@Directive({ selector: '[demoMessageJump]' })
export class MessageJump {
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly channelService = inject(ChannelService);
  private readonly injector = inject(Injector);
  private timer: ReturnType<typeof setTimeout> | undefined;
  private highlighted: Element | undefined;

  constructor() {
    effect(() => {
      const id = this.channelService.jumpToMessageTarget().id;
      if (id) {
        // After the list rendered the messages around it, and after it placed its own scroll.
        afterNextRender(() => requestAnimationFrame(() => this.reveal(id)), {
          injector: this.injector,
        });
      }
    });
    inject(DestroyRef).onDestroy(() => clearTimeout(this.timer));
  }

  private reveal(id: string): void {
    const element = [...this.host.nativeElement.querySelectorAll('[data-message-id]')].find(
      (candidate) => candidate.getAttribute('data-message-id') === id,
    );
    if (!element) {
      return;
    }
    this.highlighted?.removeAttribute('data-jump-target');
    clearTimeout(this.timer);
    element.scrollIntoView({ block: 'center' });
    element.setAttribute('data-jump-target', '');
    this.highlighted = element;
    this.timer = setTimeout(() => {
      element.removeAttribute('data-jump-target');
      this.highlighted = undefined;
      this.channelService.clearMessageJump();
    }, JUMP_HIGHLIGHT_MS);
  }
}
