import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeDocument } from '../../server/src/core/analyze';
import type { Figure } from '../../server/src/core/types';

// Classes of figures news writes (issue 11), read through the whole analysis so that dates claim what is theirs.

const figuresOf = (sentence: string): Figure[] => analyzeDocument('x.txt', `---\ndate: 2015-05-06\n---\n${sentence}\n`).figures;
const brief = (figure: Figure) => ({ text: figure.text, value: figure.value, low: figure.low, high: figure.high, kind: figure.kind, unit: figure.unit });

function one(sentence: string, expected: Partial<ReturnType<typeof brief>>): void {
  const found = figuresOf(sentence);
  assert.equal(found.length, 1, `one figure in ${JSON.stringify(sentence)}: ${JSON.stringify(found.map(brief))}`);
  const got = brief(found[0]);
  for (const [key, value] of Object.entries(expected)) assert.deepEqual(got[key as keyof typeof got], value, `${key} in ${JSON.stringify(sentence)}: ${JSON.stringify(got)}`);
}

function none(sentence: string): void {
  assert.deepEqual(figuresOf(sentence).map(brief), [], sentence);
}

test('currency codes and scales glued to the digits', () => {
  one('Profits rose to PS2.7m last year.', { text: 'PS2.7m', value: 2_700_000, kind: 'money', unit: 'GBP' });
  one('The fund raised USD10m in May.', { text: 'USD10m', value: 10_000_000, unit: 'USD' });
  one('Rooms cost RM79 at the hotel.', { text: 'RM79', value: 79, unit: 'MYR' });
  one('Revenue hit PS4.5bn.', { value: 4_500_000_000, unit: 'GBP' });
  one('Inflation was 1.38pc in April.', { text: '1.38pc', value: 1.38, kind: 'percent', unit: 'percent' });
  // a console and a code name are not money
  none('He bought a PS4 console.');
  none('The A320 landed.');
});

test('the decimals of a number do not start a figure of their own', () => {
  one('Profits rose to PS2.7m.', { value: 2_700_000 });
  one('It weighs 3.5kg.', { value: 3.5, unit: 'kilogram' });
});

test('"m" against the digits is millions before what is counted, metres otherwise', () => {
  one('They shipped 1.2m tons of grain.', { value: 1_200_000, unit: 'ton' });
  one('It sold 2.4m headsets.', { value: 2_400_000, unit: 'headset' });
  one('About 10m people voted.', { value: 10_000_000, unit: 'person' });
  one('He is 1.8m tall.', { value: 1.8, unit: 'metre' });
  one('She won the 100m hurdles.', { value: 100, unit: 'metre' });
});

test('ranges share the scale written once', () => {
  one('About four to five thousand people marched.', { low: 4000, high: 5000, unit: 'person' });
  one('The deal is worth $10 to $15 billion.', { low: 10e9, high: 15e9, unit: 'USD' });
  one('Between 5 and 10 million barrels were lost.', { low: 5e6, high: 10e6, unit: 'barrel' });
  one('They want 10-15 million people.', { low: 10e6, high: 15e6 });
  // the first end keeps its own size when the scale would make it pass the second
  const grew = figuresOf('Membership grew from 500 to 2 million.').map(brief);
  assert.deepEqual(grew.map((f) => f.value), [500, 2_000_000]);
});

test('rates keep their denominator as part of the unit', () => {
  one('Output is 300 barrels per day.', { unit: 'barrel per day' });
  one('Rent is $900 per month.', { unit: 'USD per month' });
  one('Income was $4,000 per capita.', { unit: 'USD per capita' });
  one('He earns $500 a week.', { unit: 'USD per week' });
  // "a"/"an" before a time unit makes a rate after a volume, a mass, a time or a counted noun too
  one('The field pumps 3,000 barrels a day.', { value: 3000, unit: 'barrel per day' });
  one('The mine ships 20 tonnes a year.', { value: 20, unit: 'tonne per year' });
  one('Nurses work 12 hours a day.', { value: 12, unit: 'hour per day' });
  one('Patients get three meals a day.', { value: 3, unit: 'meal per day' });
  one('Police logged 12 burglaries per week.', { value: 12, unit: 'burglary per week' });
  // a power glued to a unit of length or time, and "s" as a denominator
  one('It falls at 9.8 m/s2.', { value: 9.8, unit: 'metre per square second' });
  one('Light oscillates at 4e14 s-1.', { value: 4e14, unit: 'inverse second' });
  one('The tank holds 5 m3 of water.', { value: 5, unit: 'cubic metre' });
  one('The river carries 30 m3/s.', { value: 30, unit: 'cubic metre per second' });
  assert.deepEqual(figuresOf('It was popular in the 1990s.').map(brief), []);
  // "a year earlier" dates the sum, it is not a rate
  assert.equal(figuresOf('Sales were $1.17 billion a year earlier.').find((f) => f.kind === 'money')!.unit, 'USD');
});

test('negatives and fractions', () => {
  one('The temperature fell to -5 degrees.', { value: -5 });
  one('It reached minus 10 degrees.', { value: -10 });
  one('The firm lost -USD5m.', { value: -5_000_000, unit: 'USD' });
  one('He has 2 1/2 acres.', { value: 2.5, unit: 'acre' });
  // "one in five": a share, as "one out of five" is; a count in a time is not one
  one('Only one in five voters backed it.', { value: 0.2, unit: 'voter' });
  assert.deepEqual(figuresOf('He scored 3 in 10 minutes.').map((f) => f.value), [3, 10]);
  one('Turnout fell by two-thirds.', { value: 0.666666666666667 });
  // compound ordinals and scale words as denominators
  one('The share is three twenty-firsts.', { value: 0.142857142857143 });
  one('A grain weighs a hundred thousand trillionths of a gram.', { value: 1e-7 });
  // a hyphen right after a figure joins a range; it is no minus sign
  one('Inflation will be 2.5%-3% this year.', { value: 2.75, low: 2.5, high: 3, unit: 'percent' });
  // a measurement and its uncertainty
  one('The result was 5 ± 1 percent.', { value: 5, low: 4, high: 6, unit: 'percent' });
});

test('ages, addresses, scores and model numbers are not figures', () => {
  none('A 35-year-old man was arrested.');
  none('The suspect, a 28 - year - old, fled.');
  none('The bridge is 100 years old.');
  none('John Smith, 45, was arrested.');
  none('Her husband, 52, was hurt.');
  none('Aged 45, he retired.');
  none('He lives at 221 Baker Street.');
  none('The prime minister left 10 Downing Street.');
  none('Chelsea won 3-1 against Arsenal.');
  none('The iPhone 6 sold well.');
  none('He flew on a Boeing 747.');
  none('IBM picked the 8088 chip.');
  none('Regulators grounded the 737 Max.');
  none('Between age 17 and 25, he boxed.');
  none('Turnout among voters aged 18 to 24 fell.');
  none('Section 230 protects platforms.');
  none('Article 50 talks began in June.');
  assert.deepEqual(figuresOf('The 300 Spartans held the pass.').map((f) => f.unit), ['spartan']);
  assert.deepEqual(figuresOf('They bought 300 jets.').map((f) => f.unit), ['jet']);
});

test('counted nouns are attached', () => {
  one('Sony sold 2.4 million headsets.', { value: 2_400_000, unit: 'headset' });
  one('More than 3,700 airstrikes hit the city.', { value: 3700, unit: 'airstrike' });
});

test('a duration with a number is a figure; a date with one is not', () => {
  one('The LHC shut down for a two-year maintenance period.', { value: 2, unit: 'year' });
  one('He was jailed for 15 years.', { value: 15, unit: 'year' });
  none('He left three years ago.');
});

test('spoken and tokenized amounts', () => {
  one('It only cost thirteen dollars forty five.', { value: 13.45, unit: 'USD' });
  one('He paid 3 dollars 50.', { value: 3.5, unit: 'USD' });
  one('capacity rose to around 80 , 000 spectators', { value: 80000, unit: 'spectator' });
  one('prices fell as much as 1 / 4 point', { value: 0.25, unit: 'point' });
  // a list stays a list
  assert.deepEqual(figuresOf('Options: 5 , 10 , 15').map((f) => f.value), [5, 10, 15]);
});

test('a day before a lower-case month after a date cue is a date, not a figure', () => {
  none('and on 1 may that year he was fined');
  assert.equal(analyzeDocument('x.txt', '---\ndate: 2015-06-01\n---\non 1 may that year he was fined\n').dates[0].value, '2015-05-01');
});

test('a duration that frames a period is not a figure', () => {
  none('Output fell in the first eight months of this year.');
  none('Prices doubled over the past three years.');
});

test('temperatures written against the digits; one letter after a name is a code', () => {
  one('Madrid sweltered at 41C on Sunday.', { text: '41C', value: 41, kind: 'quantity', unit: 'degree Celsius' });
  one('The thermometer showed -8C at dawn.', { value: -8, unit: 'degree Celsius' });
  one('Overnight it dropped to minus 12C.', { value: -12, unit: 'degree Celsius' });
  one('Phoenix hit 112F again.', { value: 112, unit: 'degree Fahrenheit' });
  none('Apple cut the price of the iPhone 5C.');
  none('The meeting moved to Room 4C.');
  none('Boarding closes at Gate 12A.');
});

test('a comma before one or two final digits is a decimal comma; a run of them is a list', () => {
  one('The ratio settled at 2,5 after the merger.', { value: 2.5 });
  one('A coffee costs €3,20 in Rome.', { value: 3.2, unit: 'EUR' });
  assert.deepEqual(figuresOf('Read exercises 12,14,16 first.').map((f) => f.value), [12, 14, 16]);
  one('The fund holds 4,250 homes.', { value: 4250 });
});

test('a sum alone in brackets where a value is stated is a loss, as accounts write it', () => {
  one('Net income was ($5.2 million) in the quarter.', { text: '($5.2 million)', value: -5_200_000, unit: 'USD' });
  one('Operating profit came to (£310,000) last year.', { value: -310_000, unit: 'GBP' });
  // an aside or a conversion in brackets keeps its sign
  one('The paperback ($18.99) sold out.', { value: 18.99 });
  assert.deepEqual(figuresOf('They paid €5m ($5.4m) for the site.').map((f) => f.value), [5_000_000, 5_400_000]);
});

test('the counted noun after a dotted abbreviation, or after "of" and a determiner', () => {
  one('The Pentagon sent 3,000 U.S. troops.', { value: 3000, unit: 'troop' });
  one('Officials said 450 U.N. workers left.', { value: 450, unit: 'worker' });
  one('Five of the satellites failed in orbit.', { text: 'Five of the satellites', value: 5, unit: 'satellite' });
  one('The chain will close 40 of its stores.', { value: 40, unit: 'store' });
  none('Congress amended Section 7 of the Endangered Species Act.');
  none('Day six of the student protests began.');
  // a number inside the phrase stays a figure of its own
  assert.deepEqual(figuresOf('Hughes will build five of the three-ton satellites.').map((f) => [f.value, f.unit]), [[5, null], [3, 'ton']]);
});

test('a fraction of a scale, and a scale joined by a hyphen', () => {
  one('A quarter of a million homes lost power.', { value: 250_000, unit: 'home' });
  one('Three quarters of a billion dollars went missing.', { value: 750_000_000, unit: 'USD' });
  one('Congress passed the $5-billion plan.', { text: '$5-billion', value: 5_000_000_000, unit: 'USD' });
  one('She set up a 10-million-dollar fund.', { value: 10_000_000, unit: 'USD' });
  // a fraction of something else keeps its size
  one('A third of the staff quit.', { value: 0.333333333333333 });
});

test('a clock mark after a number no clock shows is a unit', () => {
  one('The lattice spacing is 3.123 pm.', { value: 3.123, kind: 'quantity', unit: 'picometre' });
  none('The vote closes at 4.30 pm.');
  none('Trading resumed at 1400 GMT.');
});

test('an abbreviation that is also a word is a unit before "ago"', () => {
  one('The crater formed about 66 Ma ago.', { value: 66, unit: 'megayear' });
  one('The oldest rocks formed 3.8 Ga ago.', { value: 3.8, unit: 'gigayear' });
});
