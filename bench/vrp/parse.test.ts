import { describe, expect, it } from 'vitest'
import { findBks, parseBks } from './bks.js'
import { parseSolomon } from './parse-solomon.js'
import { parseVrplib } from './parse-vrplib.js'
import { toProblem } from './to-problem.js'

const SOLOMON = [
  'r999',
  '',
  'VEHICLE',
  'NUMBER     CAPACITY',
  '  3         50',
  '',
  'CUSTOMER',
  'CUST NO.  XCOORD.   YCOORD.    DEMAND   READY TIME  DUE DATE   SERVICE   TIME',
  '',
  '    0      0         0          0          0       1000          0',
  '    1\t3         4          10        0        100         10',
  '    2      6         8          20        50        300         10',
].join('\r\n')

const VRPLIB = [
  'NAME:\tX-tiny-k2',
  'COMMENT : "made up"',
  'TYPE :  CVRP',
  'DIMENSION: 3',
  'EDGE_WEIGHT_TYPE :EUC_2D',
  'CAPACITY : 10',
  'NODE_COORD_SECTION',
  '1 0 0',
  '2\t3 4',
  '3 1 1',
  'DEMAND_SECTION',
  '1 0',
  '2 6',
  '3 6',
  'DEPOT_SECTION',
  ' 1',
  ' -1',
  'EOF',
].join('\n')

describe('benchmark parsers', () => {
  it('reads a Solomon file with CRLF, tabs and a lower-case name', () => {
    const instance = parseSolomon(SOLOMON, 'r999')
    expect(instance.family).toBe('R9')
    expect(instance.capacity).toBe(50)
    expect(instance.vehicleLimit).toBe(3)
    expect(instance.x).toEqual([0, 3, 6])
    expect(instance.dueDate).toEqual([1000, 100, 300])
    const problem = toProblem(instance, 'cost')
    expect(problem.vehicles).toHaveLength(2)
    expect(problem.matrix.distancesM[1]).toBeCloseTo(5, 12)
  })

  it('reads a VRPLIB file with ragged key spacing and rounds distances TSPLIB-style', () => {
    const instance = parseVrplib(VRPLIB, 'x')
    expect(instance.name).toBe('X-tiny-k2')
    expect(instance.capacity).toBe(10)
    expect(instance.demand).toEqual([0, 6, 6])
    const problem = toProblem(instance, 'cost')
    // sqrt(2) = 1.414 rounds to 1; 5 stays 5.
    expect(problem.matrix.distancesM[2]).toBe(1)
    expect(problem.matrix.distancesM[1]).toBe(5)
  })

  it('finds the BKS row of the right convention', () => {
    const rows = parseBks(
      [
        'instance,n_customers,type,bks_distance,bks_vehicles,source,distance_convention,objective',
        'C101,100,VRPTW-Solomon-C1,828.94,10,"SINTEF, table",euclid_double_2dp,hierarchical_vehicles_then_distance',
        'C101,100,VRPTW-Solomon-C1,827.3,10,CVRPLIB,euclid_trunc1_dimacs,distance',
        'C101,100,VRPTW-Solomon-C1,828.93,10,CVRPLIB re-evaluated,euclid_double_2dp,distance_upper_bound',
      ].join('\n'),
    )
    expect(findBks(rows, 'c101', 'euclid_double_2dp', ['distance_upper_bound'])?.distance).toBe(
      828.93,
    )
    expect(
      findBks(rows, 'C101', 'euclid_double_2dp', ['hierarchical_vehicles_then_distance'])?.vehicles,
    ).toBe(10)
  })
})
