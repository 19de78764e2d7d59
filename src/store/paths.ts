import { homedir } from "node:os";
import { isAbsolute, join } from "node:path";

/**
 * Where the store lives when the user gives no `--store`: `$XDG_DATA_HOME/mailsweep/store.sqlite`,
 * else `~/.local/share/mailsweep/store.sqlite`. The XDG Base Directory spec says a relative
 * `$XDG_DATA_HOME` is invalid and must be ignored, so it is. Folders are created by openStore.
 */
export function defaultStorePath(env: NodeJS.ProcessEnv = process.env): string {
  const xdg = env["XDG_DATA_HOME"];
  if (xdg !== undefined && xdg !== "" && isAbsolute(xdg)) {
    return join(xdg, "mailsweep", "store.sqlite");
  }
  const home = env["HOME"] !== undefined && env["HOME"] !== "" ? env["HOME"] : homedir();
  return join(home, ".local", "share", "mailsweep", "store.sqlite");
}
