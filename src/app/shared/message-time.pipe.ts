import { Pipe, PipeTransform } from '@angular/core';
import { MessageTimeStyle, formatMessageTime } from './message-time';

/** `{{ message.created_at | messageTime: 'full' }}`: see `formatMessageTime`. */
@Pipe({ name: 'messageTime' })
export class MessageTimePipe implements PipeTransform {
  transform(value: Date | string | undefined | null, style: MessageTimeStyle = 'compact'): string {
    if (!value) {
      return '';
    }
    const date = value instanceof Date ? value : new Date(value);
    return Number.isNaN(date.getTime()) ? '' : formatMessageTime(date, style);
  }
}
