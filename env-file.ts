/**
 * Reads a `.env` file (`.env.example` shows its lines) into `process.env` when there is one.
 * Variables already set in the environment win over the file, so a service manager's settings
 * are never overridden by a file left on the disk. Resolves `path` against the working directory;
 * returns whether a file was read. A file that is there but cannot be read stops the start.
 */
export function loadEnvFile(path = '.env'): boolean {
  try {
    process.loadEnvFile(path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}
