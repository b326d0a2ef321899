import type { TimexType } from '../../types';
import {
  type Reference, addMonths, dayNumber, formatDay, formatMonth, formatWeek, fromDayNumber, isoWeeksIn, mondayOfWeek,
  nthWeekdayOfMonth, pad, weekdayOf,
} from './calendar';

export interface Clock { h: number; m: number | null; s: number | null; meridiem: 'a' | 'p' | null }

/** A piece of a date expression. Pieces next to each other are merged ("Tuesday" + "evening"). */
export interface Atom {
  start: number;
  end: number;
  type: TimexType;
  value: string;
  resolution: string;
  /** Kept only when merged with a stronger neighbour ("night" alone, "10:20" without "at"). */
  weak?: boolean;
  approximate?: boolean;
  /** A day-level date (possibly with X placeholders) that a clock time or part of day can attach to. */
  day?: string;
  /** A bare weekday that a neighbouring week or calendar date can place. */
  weekday?: number;
  /** A calendar date whose month was written ("7/6", "December 9"). */
  explicitMonth?: boolean;
  /** "the 26th": a day of an unstated month. */
  dom?: number;
  /** A week: its Monday when resolved, null when not. */
  week?: number | null;
  clock?: Clock;
  pod?: string;
  /** A set ("every Monday"), to which a clock time can attach. */
  set?: boolean;
  /** What a weak piece is when no neighbour takes it ("mornings" alone recurs: set TMO). */
  alone?: { type: TimexType; value: string };
  /** The rules whose pieces made this one (merged pieces keep all). */
  rules?: string[];
}

/** How a date without a year is placed: as written ('same'), 'last'/'next' (stated), or by tense ('past'/'future'). */
export type Direction = 'same' | 'last' | 'next' | 'past' | 'future';

export type Piece = Omit<Atom, 'start' | 'end' | 'rules'> & { end?: number };

/** Resolution against the document date, shared by the rules. */
export class Resolver {
  readonly refDay: number | null;
  /** `earliest`: the reference is only the earliest the document can be (ExtractionContext.documentDateIsEarliest). */
  constructor(readonly ref: Reference | null, readonly earliest = false) {
    this.refDay = ref && ref.month && ref.day ? dayNumber(ref.year, ref.month, ref.day) : null;
  }

  get relative(): string {
    return this.ref ? `relative to the document date (${this.ref.text})` : 'unresolved: the document has no date';
  }

  /** A day offset from the document date. */
  day(offset: number): Piece {
    if (this.refDay === null) return { type: 'date', value: 'XXXX-XX-XX', day: 'XXXX-XX-XX', resolution: this.unresolvedAt('day') };
    const value = formatDay(this.refDay + offset);
    return { type: 'date', value, day: value, resolution: this.relative };
  }

  private unresolvedAt(granularity: string): string {
    return this.ref ? `unresolved: the document date (${this.ref.text}) gives no ${granularity}` : 'unresolved: the document has no date';
  }

  /** ISO week offset from the document's week. */
  week(offset: number, suffix = ''): Piece {
    if (this.refDay === null) return { type: 'date', value: `XXXX-WXX${suffix}`, week: null, resolution: this.unresolvedAt('week') };
    const monday = this.refDay - weekdayOf(this.refDay) + 1 + offset * 7;
    return { type: 'date', value: formatWeek(monday) + suffix, week: monday, resolution: this.relative };
  }

  month(offset: number): Piece {
    if (!this.ref?.month) return { type: 'date', value: 'XXXX-XX', resolution: this.unresolvedAt('month') };
    return { type: 'date', value: formatMonth(this.ref.year, this.ref.month + offset), resolution: this.relative };
  }

  year(offset: number): Piece {
    if (!this.ref) return { type: 'date', value: 'XXXX', resolution: this.relative };
    return { type: 'date', value: pad(this.ref.year + offset, 4), resolution: this.relative };
  }

  quarter(offset: number): Piece {
    if (!this.ref?.month) return { type: 'date', value: 'XXXX-QX', resolution: this.unresolvedAt('quarter') };
    const q = this.ref.year * 4 + Math.floor((this.ref.month - 1) / 3) + offset;
    return { type: 'date', value: `${Math.floor(q / 4)}-Q${(q % 4) + 1}`, resolution: this.relative };
  }

  /** A weekday: offset 0 = the nearest one (before the document date, or after it when the sentence speaks of the future). */
  weekday(weekday: number, mode: 'past' | 'future' | 'this' | 'last' | 'next'): Piece {
    if (this.refDay === null) {
      const value = `XXXX-WXX-${weekday}`;
      return { type: 'date', value, day: value, weekday, resolution: this.unresolvedAt('day') };
    }
    const current = weekdayOf(this.refDay);
    let n: number;
    if (mode === 'past') n = this.refDay - ((current - weekday + 7) % 7);
    else if (mode === 'future') n = this.refDay + ((weekday - current + 7) % 7);
    else if (mode === 'last') n = this.refDay - ((current - weekday + 7) % 7 || 7);
    else n = this.refDay - current + weekday + (mode === 'next' ? 7 : 0);
    const value = formatDay(n);
    return { type: 'date', value, day: value, weekday, resolution: this.relative };
  }

  /**
   * A month without a year: the document's year ("in March"), the one before/after ("last May"), or by the
   * sentence's tense the most recent past ('past': "in July" said in March is last July) or the next ('future').
   */
  monthOf(month: number, mode: Direction): Piece {
    if (!this.ref) return { type: 'date', value: `XXXX-${pad(month)}`, resolution: this.relative };
    return { type: 'date', value: `${this.ref.year + this.yearShift(month * 100, mode)}-${pad(month)}`, resolution: this.relative };
  }

  /** Month and day without a year, placed as monthOf places a month. */
  monthDay(month: number, day: number, mode: Direction = 'same'): Piece {
    if (!this.ref) {
      const value = `XXXX-${pad(month)}-${pad(day)}`;
      return { type: 'date', value, day: value, explicitMonth: true, resolution: this.relative };
    }
    const year = this.ref.year + this.yearShift(month * 100 + day, mode);
    if (!existsIn(year, month, day)) {
      const value = `XXXX-${pad(month)}-${pad(day)}`;
      return { type: 'date', value, day: value, explicitMonth: true, resolution: `unresolved: no such day in ${year}` };
    }
    const value = `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
    return { type: 'date', value, day: value, explicitMonth: true, resolution: this.relative };
  }

  /** -1, 0 or +1 year from the document's for a month-day key (month * 100 + day) read in a direction. */
  private yearShift(key: number, mode: Direction): number {
    if (mode === 'same' || !this.ref?.month) return 0;
    // a month alone (key % 100 = 0) compares with the document's month, a month-day with its day
    const refKey = this.ref.month * 100 + (key % 100 === 0 ? 0 : this.ref.day ?? 0);
    // By tense, a date of the document's own month stays in its year ("on June 15" in a June 20 article that
    // looks ahead is still this June): only the month decides, as HeidelTime does.
    const month = Math.floor(key / 100);
    switch (mode) {
      case 'last': return key >= refKey ? -1 : 0;
      case 'next': return key <= refKey ? 1 : 0;
      // Written on or after an earliest reference, a past month later in the year may still be of its year.
      case 'past': return month > this.ref.month && !this.earliest ? -1 : 0;
      case 'future': return month < this.ref.month ? 1 : 0;
    }
  }

  /** A day of the document's month ("on the 18th"). */
  dayOfMonth(day: number, monthOffset = 0): Piece {
    if (!this.ref?.month) {
      const value = `XXXX-XX-${pad(day)}`;
      return { type: 'date', value, day: value, resolution: this.unresolvedAt('month') };
    }
    const value = `${formatMonth(this.ref.year, this.ref.month + monthOffset)}-${pad(day)}`;
    return { type: 'date', value, day: value, resolution: this.relative };
  }

  season(code: string, offset: number | null, year: number | null): Piece {
    if (year !== null) return { type: 'date', value: `${pad(year, 4)}-${code}`, resolution: 'absolute' };
    if (!this.ref) return { type: 'date', value: `XXXX-${code}`, resolution: this.relative };
    const middle: Record<string, number> = { WI: 1, SP: 4, SU: 7, FA: 10 };
    let y = this.ref.year;
    const month = this.ref.month ?? 6;
    if (offset === -1 && middle[code] >= month) y -= 1;
    if (offset === 1 && middle[code] <= month) y += 1;
    return { type: 'date', value: `${y}-${code}`, resolution: this.relative };
  }

  /** N units before (sign -1) or after (+1) the document date, at the unit's granularity. */
  shift(amount: number, unit: string, sign: number): Piece {
    const n = Math.round(amount) * sign;
    switch (unit) {
      case 'Y': return this.year(n);
      case 'DE': return this.year(n * 10);
      case 'CE': return this.year(n * 100);
      case 'Q': return this.quarter(n);
      case 'M': return this.month(n);
      case 'W': return this.week(n);
      case 'D': return this.day(n);
      default: {
        const ref = this.ref;
        if (this.refDay === null || !ref || ref.hour === null) return this.day(0);
        const minutes = (this.refDay * 24 + ref.hour) * 60 + (ref.minute ?? 0) +
          Math.round(amount * sign * (unit === 'H' ? 60 : unit === 'MIN' ? 1 : 1 / 60));
        const day = Math.floor(minutes / 1440);
        const value = `${formatDay(day)}T${pad(Math.floor((minutes % 1440) / 60))}:${pad(minutes % 60)}:00`;
        return { type: 'time', value, resolution: this.relative };
      }
    }
  }

  holiday(month: number, day: number | null, rule: { weekday: number; nth: number; offset?: number } | null, year: number | null): Piece {
    const y = year ?? this.ref?.year ?? null;
    if (y === null) {
      const value = rule ? `XXXX-${pad(month)}-XX` : `XXXX-${pad(month)}-${pad(day ?? 1)}`;
      return { type: 'date', value, day: value, resolution: this.relative };
    }
    const n = rule ? nthWeekdayOfMonth(y, month, rule.weekday, rule.nth) + (rule.offset ?? 0) : dayNumber(y, month, day ?? 1);
    const value = formatDay(n);
    return { type: 'date', value, day: value, resolution: year !== null ? 'absolute' : this.relative };
  }

  lastWeekOf(year: number): Piece {
    return { type: 'date', value: `${year}-W${isoWeeksIn(year)}`, resolution: 'absolute' };
  }

  weekNumber(week: number, year: number | null): Piece {
    const y = year ?? this.ref?.year ?? null;
    if (y === null) return { type: 'date', value: `XXXX-W${pad(week)}`, resolution: this.relative };
    return { type: 'date', value: `${y}-W${pad(week)}`, week: mondayOfWeek(y, week), resolution: year !== null ? 'absolute' : this.relative };
  }

  /** A weekday within a resolved week. */
  weekdayIn(monday: number | null | undefined, weekday: number): Piece {
    if (monday === null || monday === undefined) {
      const value = `XXXX-WXX-${weekday}`;
      return { type: 'date', value, day: value, resolution: this.relative };
    }
    const value = formatDay(monday + weekday - 1);
    return { type: 'date', value, day: value, resolution: this.relative };
  }

  get today(): { year: number; month: number; day: number } | null {
    return this.refDay === null ? null : fromDayNumber(this.refDay);
  }

  addMonthsToRef(months: number): string | null {
    return this.refDay === null ? null : formatDay(addMonths(this.refDay, months));
  }
}

function existsIn(year: number, month: number, day: number): boolean {
  return fromDayNumber(dayNumber(year, month, day)).day === day;
}

export function clockText(clock: Clock, pod?: string): string {
  let h = clock.h;
  if (clock.meridiem === 'p' && h < 12) h += 12;
  else if (clock.meridiem === 'a' && h === 12) h = 0;
  else if (!clock.meridiem && pod && h < 12 && (pod === 'AF' || pod === 'EV' || (pod === 'NI' && h >= 6))) h += 12;
  return `T${pad(h)}${clock.m !== null ? `:${pad(clock.m)}` : ''}${clock.s !== null ? `:${pad(clock.s)}` : ''}`;
}
