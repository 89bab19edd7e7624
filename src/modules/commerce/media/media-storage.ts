import { randomBytes } from 'node:crypto'
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'

/** Where product images live: a folder under DATA_DIR by default, or an S3-compatible bucket. */
export interface MediaStorage {
  put(key: string, body: Buffer, contentType: string): Promise<void>
  /** The object's bytes, or null when there is none under the key. */
  get(key: string): Promise<Buffer | null>
  /** Removes the object; removing one that is not there is not an error. */
  delete(key: string): Promise<void>
}

/** Keys are our own (`products/<id>/<id>.jpg`); this refuses anything that could leave the root. */
export function assertSafeKey(key: string): void {
  if (
    !/^[a-z0-9][a-z0-9/._-]*$/i.test(key) ||
    key.split('/').some((part) => part === '..' || part === '')
  )
    throw new Error(`unsafe media key ${JSON.stringify(key)}`)
}

export class DiskMediaStorage implements MediaStorage {
  constructor(private readonly root: string) {}

  private fileOf(key: string): string {
    assertSafeKey(key)
    return path.join(this.root, ...key.split('/'))
  }

  async put(key: string, body: Buffer): Promise<void> {
    const file = this.fileOf(key)
    await mkdir(path.dirname(file), { recursive: true })
    // Write aside, then rename: a reader never sees half an image.
    const partial = `${file}.${randomBytes(6).toString('hex')}.partial`
    await writeFile(partial, body)
    await rename(partial, file)
  }

  async get(key: string): Promise<Buffer | null> {
    try {
      return await readFile(this.fileOf(key))
    } catch (error) {
      if ((error as { code?: unknown }).code === 'ENOENT') return null
      throw error
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.fileOf(key), { force: true })
  }
}

/** Keeps objects in memory: for tests and for an app built without a configured storage. */
export class MemoryMediaStorage implements MediaStorage {
  private readonly objects = new Map<string, Buffer>()

  put(key: string, body: Buffer): Promise<void> {
    assertSafeKey(key)
    this.objects.set(key, Buffer.from(body))
    return Promise.resolve()
  }

  get(key: string): Promise<Buffer | null> {
    return Promise.resolve(this.objects.get(key) ?? null)
  }

  delete(key: string): Promise<void> {
    this.objects.delete(key)
    return Promise.resolve()
  }
}
