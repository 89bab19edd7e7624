import type { ChildProcess } from 'node:child_process'

/** The last `chunks` pieces of a child's stdout and stderr, to show when it fails. */
export function keepOutput(child: ChildProcess, chunks = 200): string[] {
  const output: string[] = []
  const keep = (chunk: Buffer) => {
    output.push(chunk.toString())
    if (output.length > chunks) output.shift()
  }
  child.stdout?.on('data', keep)
  child.stderr?.on('data', keep)
  return output
}
