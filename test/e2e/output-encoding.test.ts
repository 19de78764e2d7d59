import { readFileSync } from "node:fs";
import { TextDecoder } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../support/cli.js";
import { outputsExist, removeTempDirs, tempDir, writeFixture } from "../support/fixtures.js";

afterAll(removeTempDirs);

describe("clean --output-encoding", () => {
  it("writes windows-1251 for an old CRM, byte for byte", async () => {
    const dir = tempDir();
    writeFixture(dir, "l.csv", "Имя;Email\nИван;ivan@mail.ru\n");
    const run = await runCli(["clean", "l.csv", "--offline", "--no-store", "--output-encoding", "windows-1251"], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    const bytes = readFileSync(`${dir}/l.clean.csv`);
    expect(bytes[0]).toBe(0xc8); // "И" in windows-1251, no BOM
    expect(new TextDecoder("windows-1251").decode(bytes).split(/\r?\n/)[1]).toMatch(/^Иван;ivan@mail\.ru;valid;/);
  });

  it("writes UTF-16LE with its BOM", async () => {
    const dir = tempDir();
    writeFixture(dir, "l.csv", "Name,Email\nZoë,zoe@gmail.com\n");
    const run = await runCli(["clean", "l.csv", "--offline", "--no-store", "--output-encoding", "utf-16le"], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    const bytes = readFileSync(`${dir}/l.clean.csv`);
    expect([bytes[0], bytes[1]]).toEqual([0xff, 0xfe]);
    expect(bytes.subarray(2).toString("utf16le")).toContain("Zoë,zoe@gmail.com,valid");
  });

  it("refuses a character the code page cannot hold (exit 65, names the row), and writes nothing", async () => {
    const dir = tempDir();
    writeFixture(dir, "l.csv", "Name,Email\nIvan,ivan@mail.ru\nZoë,zoe@gmail.com\n");
    const run = await runCli(["clean", "l.csv", "--offline", "--no-store", "--output-encoding", "windows-1251"], { cwd: dir });
    expect(run.code).toBe(65);
    expect(run.stderr).toMatch(/data row 2/);
    expect(outputsExist(dir, "l")).toEqual([false, false, false]);
  });
});
