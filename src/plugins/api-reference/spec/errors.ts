/**
 * A spec problem worth stopping the build for. Its message is the whole report:
 * file, line (when known) and JSON pointer, never the spec itself. The stack is
 * dropped because Docusaurus prints errors with `console.error(e)`, and a stack
 * trace into the pipeline tells a spec author nothing.
 */
export class SpecError extends Error {
  constructor(
    message: string,
    readonly problems: readonly SpecProblemLocation[] = [],
  ) {
    super(message);
    this.name = 'SpecError';
    this.stack = `${this.name}: ${message}`;
  }
}

export interface SpecProblemLocation {
  file: string;
  line?: number;
  column?: number;
  pointer?: string;
  message: string;
  ruleId?: string;
}

export function formatLocation({ file, line, column, pointer }: SpecProblemLocation): string {
  const position = line ? `:${line}${column ? `:${column}` : ''}` : '';
  return `${file}${position}${pointer ? ` at ${pointer}` : ''}`;
}

export function formatProblem(problem: SpecProblemLocation): string {
  const rule = problem.ruleId ? ` [${problem.ruleId}]` : '';
  return `${formatLocation(problem)}: ${problem.message}${rule}`;
}

/** Long messages (e.g. a YAML error quoting a huge line) are cut so a 3 MB spec never floods the terminal. */
export function truncate(text: string, max = 300): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
