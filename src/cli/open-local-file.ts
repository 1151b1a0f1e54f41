import { fileSource, type RandomAccessSource } from '../bacpac/zip';

/** Opens a local file for random access, with a message naming the file when it cannot be opened. */
export async function openLocalFile(path: string): Promise<RandomAccessSource> {
  try {
    return await fileSource(path);
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? String(error.code) : '';
    const reason =
      code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : (error as Error).message;
    throw new Error(`cannot open ${path}: ${reason}`, { cause: error });
  }
}
