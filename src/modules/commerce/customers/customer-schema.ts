// Consumer sign-in by texted code (tables).

export interface CustomerLoginCodeTable {
  id: string
  phone: string
  code_hash: string
  attempts: number
  expires_at: string
  used_at: string | null
  created_at: string
}

export interface CustomerTables {
  customer_login_code: CustomerLoginCodeTable
}
