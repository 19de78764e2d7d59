import { describe, expect, it } from "vitest";
import { adjacentKeys, isKeyboardSlip } from "../../src/typos/keyboard.js";

describe("adjacentKeys", () => {
  it.each([
    ["y", "u"], ["u", "y"], ["n", "m"], ["e", "r"], ["f", "d"], ["c", "d"], ["r", "f"], ["i", "o"],
    ["y", "x"], // QWERTZ: y sits left of x
    ["q", "s"], // AZERTY: q sits left of s
    ["l", "m"], // AZERTY: m sits right of l
    ["0", "o"], ["1", "q"],
  ])("%s touches %s", (a, b) => {
    expect(adjacentKeys(a, b)).toBe(true);
  });
  it.each([["r", "b"], ["e", "h"], ["o", "c"], ["a", "p"], ["m", "q"], ["a", "a"]])("%s does not touch %s", (a, b) => {
    expect(adjacentKeys(a, b)).toBe(false);
  });
});

describe("isKeyboardSlip", () => {
  it.each([
    ["yandex.ry", "yandex.ru"], // neighbouring key
    ["gmail.con", "gmail.com"],
    ["gmial.com", "gmail.com"], // swap
    ["gmal.com", "gmail.com"], // letter left out
    ["gmaill.com", "gmail.com"], // doubled
    ["gmaiil.com", "gmail.com"],
    ["gmakil.com", "gmail.com"], // extra key beside its neighbour
    ["gmx.ce", "gmx.de"],
  ])("%s is a slip for %s", (typed, intended) => {
    expect(isKeyboardSlip(typed, intended)).toBe(true);
  });
  it.each([
    ["yandex.ry", "yandex.by"], // r and b are far apart
    ["sina.con", "sina.cn"], // the extra o touches neither c nor n
    ["gmx.ce", "gmx.ch"],
    ["gmail.com", "gmail.com"], // no edit
    ["gmail.xx", "gmail.com"], // more than one edit
    ["hotmail.fr", "hotmail.de"],
  ])("%s is not a slip for %s", (typed, intended) => {
    expect(isKeyboardSlip(typed, intended)).toBe(false);
  });
});
