/**
 * Where each value of a JSON text starts: JSON pointer → character offset. Lets the panel put a
 * schema error at its line in the body editor and in the response. Assumes text JSON.parse accepted.
 */
export function locateJsonValues(text: string): Map<string, number> {
  const offsets = new Map<string, number>();
  let index = 0;

  const skipSpace = () => {
    while (index < text.length && /\s/.test(text[index]!)) index++;
  };
  const readString = (): string => {
    const start = index;
    index++;
    while (index < text.length && text[index] !== '"') index += text[index] === '\\' ? 2 : 1;
    index++;
    return JSON.parse(text.slice(start, index)) as string;
  };
  const escape = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');

  const readValue = (pointer: string): void => {
    skipSpace();
    offsets.set(pointer, index);
    const char = text[index];
    if (char === '{') {
      index++;
      skipSpace();
      while (index < text.length && text[index] !== '}') {
        skipSpace();
        const keyOffset = index;
        const key = readString();
        skipSpace();
        index++; // :
        readValue(`${pointer}/${escape(key)}`);
        // A missing property is reported on its object; an entry's line is where its key is.
        offsets.set(`${pointer}/${escape(key)}`, keyOffset);
        skipSpace();
        if (text[index] === ',') index++;
        skipSpace();
      }
      index++;
    } else if (char === '[') {
      index++;
      skipSpace();
      let position = 0;
      while (index < text.length && text[index] !== ']') {
        readValue(`${pointer}/${position++}`);
        skipSpace();
        if (text[index] === ',') index++;
        skipSpace();
      }
      index++;
    } else if (char === '"') {
      readString();
    } else {
      while (index < text.length && /[^\s,\]}]/.test(text[index]!)) index++;
    }
  };

  readValue('');
  return offsets;
}

/** 1-based line of `offset` in `text`. */
export function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text[i] === '\n') line++;
  return line;
}

/**
 * The offset for an error's pointer: the value itself, or for a missing property, the object
 * that lacks it (its nearest located ancestor).
 */
export function offsetFor(offsets: Map<string, number>, pointer: string): number {
  let current = pointer;
  for (;;) {
    const offset = offsets.get(current);
    if (offset !== undefined) return offset;
    if (current === '') return 0;
    current = current.slice(0, current.lastIndexOf('/'));
  }
}
